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
        ProcessBuilder pb = new ProcessBuilder(BENCH.toString(), inbox.toString(), "1", config.toString())
                .redirectErrorStream(true);
        pb.environment().remove("CAREERLENS_JAVA_OPTS");
        pb.environment().put("CAREERLENS_BENCH_DIR", benches.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(8, TimeUnit.MINUTES), "the bench finished");
        assertEquals(0, p.exitValue(), out);

        List<String> lines = Files.readAllLines(benches.resolve("results.tsv"));
        assertEquals(4, lines.size(), "a header and one line per nightly: " + lines);
        List<String> kinds = lines.subList(1, 4).stream().map(l -> l.split("\t")[3]).toList();
        assertEquals(List.of("full", "increment", "unchanged"), kinds);
        for (String l : lines.subList(1, 4)) {
            String[] f = l.split("\t");
            assertEquals("inbox-exports", f[1], l);
            assertEquals("0", f[4], "exit status: " + l);
            assertTrue(Double.parseDouble(f[5]) > 0, "wall seconds: " + l);
        }
        assertTrue(Integer.parseInt(lines.get(1).split("\t")[10]) > 0, "the full nightly commits: " + lines.get(1));
        assertEquals("0", lines.get(3).split("\t")[10], "an unchanged nightly commits nothing: " + lines.get(3));

        Path runs = benches.resolve("inbox-exports");
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
    }
}
