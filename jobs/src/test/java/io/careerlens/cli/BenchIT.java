package io.careerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careerlens.generate.InboxGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/bench on an inbox of one's own, as a reviewer reruns it on exports the project has not
 * seen ({@code mvn verify}, packaged jar): full, increment and unchanged nightlies each leave a
 * result line, the increment ingests the last export of each office only, and the inbox given is
 * left as it was.
 */
class BenchIT {
    /** the work folder and results.tsv label of an inbox folder named exports */
    private static final String EXPORTS_LABEL = "inbox-exports-[0-9a-f]{8}";
    private static final Path BENCH = Path.of("target").toAbsolutePath().resolve("../../scripts/bench").normalize();

    private static List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p) + " " + p.toFile().length()).sorted().toList();
        }
    }

    @Test
    void timesFullIncrementAndUnchangedNightliesOfAnInboxAndLeavesItAlone(@TempDir Path tmp) throws Exception {
        Path inbox = tmp.resolve("exports");
        Path config = tmp.resolve("offices.yaml");
        // 2 offices x 2 exports x 3 files
        new InboxGenerator(5, 0.0).generate(inbox, 2, 5, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 4, 30), 2, config);
        List<String> before = files(inbox);
        assertEquals(12, before.size(), before.toString());

        Path benches = tmp.resolve("bench");
        Bench timed = bench(benches, inbox, "1", config);
        assertEquals(0, timed.exit(), timed.out());

        List<String> lines = Files.readAllLines(benches.resolve("results.tsv"));
        assertEquals(4, lines.size(), "a header and one line per nightly: " + lines);
        List<String> kinds = lines.subList(1, 4).stream().map(l -> l.split("\t")[3]).toList();
        assertEquals(List.of("full", "increment", "unchanged"), kinds);
        String label = lines.get(1).split("\t")[1];
        assertTrue(label.matches(EXPORTS_LABEL), "the inbox's folder name and its path's digest: " + label);
        for (String l : lines.subList(1, 4)) {
            String[] f = l.split("\t");
            assertEquals(label, f[1], l);
            assertEquals("0", f[4], "exit status: " + l);
            assertTrue(Double.parseDouble(f[5]) > 0, "wall seconds: " + l);
        }
        assertTrue(Integer.parseInt(lines.get(1).split("\t")[10]) > 0, "the full nightly commits: " + lines.get(1));
        assertEquals("0", lines.get(3).split("\t")[10], "an unchanged nightly commits nothing: " + lines.get(3));

        Path runs = benches.resolve(label);
        ObjectMapper json = new ObjectMapper();
        JsonNode full = json.readTree(runs.resolve("last-full.json").toFile()).get("files");
        JsonNode increment = json.readTree(runs.resolve("last-increment.json").toFile()).get("files");
        JsonNode unchanged = json.readTree(runs.resolve("last-unchanged.json").toFile()).get("files");
        assertEquals(6, full.get("ingested").asInt(), "the first export of each office: " + full);
        assertEquals(6, increment.get("ingested").asInt(), "the last export of each office: " + increment);
        assertEquals(6, increment.get("skipped_unchanged").asInt(), increment.toString());
        assertEquals(0, unchanged.get("ingested").asInt(), unchanged.toString());
        assertEquals(12, unchanged.get("skipped_unchanged").asInt(), unchanged.toString());

        assertEquals(before, files(inbox), "the inbox given is left as it was");

        // another inbox with the same folder name gets a work folder of its own; 0 runs only prepares it
        Path other = tmp.resolve("elsewhere/exports");
        io.careerlens.testing.Inboxes.copyTree(inbox, other);
        Bench prepared = bench(benches, other, "0", config);
        assertEquals(0, prepared.exit(), prepared.out());
        assertTrue(prepared.out().contains("nothing timed"), prepared.out());
        try (Stream<Path> dirs = Files.list(benches)) {
            List<String> work = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
            assertEquals(2, work.size(), work.toString());
            assertTrue(work.contains(label), work.toString());
            String second = work.get(0).equals(label) ? work.get(1) : work.get(0);
            assertTrue(second.matches(EXPORTS_LABEL), second);
            assertEquals(before, files(benches.resolve(second).resolve("inbox")), "the second inbox, whole, in its own folder");
        }
        assertTrue(Files.exists(runs.resolve("last-full.json")), "the first inbox's results are still there");
        assertEquals(4, Files.readAllLines(benches.resolve("results.tsv")).size(), "nothing timed, nothing appended");
        Bench wrong = bench(benches, other, "three", config);
        assertEquals(2, wrong.exit(), wrong.out());
        assertTrue(wrong.out().contains("runs must be a whole number"), wrong.out());
    }

    private record Bench(int exit, String out) {
    }

    /** runs scripts/bench on an inbox of one's own */
    private static Bench bench(Path benches, Path inbox, String runs, Path config) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(BENCH.toString(), inbox.toString(), runs, config.toString())
                .redirectErrorStream(true);
        pb.environment().remove("CAREERLENS_JAVA_OPTS");
        pb.environment().put("CAREERLENS_BENCH_DIR", benches.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), "the bench finished");
        return new Bench(p.exitValue(), out);
    }
}
