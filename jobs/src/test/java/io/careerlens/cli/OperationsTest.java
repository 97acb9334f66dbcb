package io.careerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careerlens.generate.InboxGenerator;
import io.careerlens.ops.Faults;
import io.careerlens.testing.Inboxes;
import io.careerlens.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 4 on a small generated inbox: runs killed at each named step leave the previous reports
 * intact and the next run produces exactly what an uninterrupted run does; a rerun changes
 * nothing; a dirty file trips the quality gate without stopping the other offices.
 */
class OperationsTest {
    @TempDir
    static Path tmp;
    static Path inbox;
    static Path config;
    static final String D = "2026-05-31";

    @BeforeAll
    static void inbox() throws IOException {
        SparkTestSession.get();
        inbox = tmp.resolve("inbox");
        config = tmp.resolve("c.yaml");
        new InboxGenerator(11, 0.0).generate(inbox, 2, 6, LocalDate.of(2026, 1, 5), LocalDate.of(2026, 5, 31), 2, config);
        Files.writeString(config, Files.readString(config).replace("paths: {inbox:", "paths: {logs: " + tmp.resolve("logs")
                + ", inbox:"));
    }

    static int nightly(String name, String asOf, String failAt) {
        return nightly(name, asOf, failAt, inbox);
    }

    static int nightly(String name, String asOf, String failAt, Path from) {
        if (failAt != null) {
            System.setProperty("careerlens.fail_at", failAt);
        }
        try {
            return Main.execute("nightly", "--config", config.toString(), "--inbox", from.toString(), "--warehouse",
                    tmp.resolve(name + "/wh").toString(), "--reports", tmp.resolve(name + "/reports").toString(), "--as-of", asOf);
        } finally {
            System.clearProperty("careerlens.fail_at");
        }
    }

    /** every metric CSV of a published date, by relative path (run-dependent columns dropped). */
    static Map<String, String> metrics(String name, String date) throws IOException {
        Path dir = tmp.resolve(name + "/reports/" + date + "/metrics");
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(p);
                if (p.getFileName().toString().equals("data_quality.csv")) {
                    text = text.replaceAll(",[0-9T]+Z-[0-9a-f]+", ",RUN"); // the run id of each file's ingestion
                }
                out.put(dir.relativize(p).toString(), text);
            }
        }
        return out;
    }

    @Test
    void killedRunsLeaveThePreviousReportsAndTheNextRunConverges() throws IOException {
        assertEquals(0, nightly("clean", D, null));
        Map<String, String> expected = metrics("clean", D);
        assertTrue(expected.size() > 20);

        // the previous night saw only the first export of each office
        Path early = tmp.resolve("early-inbox");
        Inboxes.copyTree(inbox, early);
        try (Stream<Path> latest = Files.walk(early, 2)) {
            for (Path p : latest.filter(p -> p.getFileName().toString().equals("2026-05-31")).toList()) {
                Inboxes.deleteTree(p);
            }
        }
        assertEquals(0, nightly("crash", "2026-04-30", null, early));
        Path previous = tmp.resolve("crash/reports/2026-04-30/all-offices.xlsx");
        byte[] before = Files.readAllBytes(previous);
        for (String step : List.of("ingest.after_versions", "metrics.after_first_table", "publish.before_link")) {
            assertThrows(Faults.SimulatedKill.class, () -> nightly("crash", D, step), step);
            assertFalse(Files.exists(tmp.resolve("crash/reports/" + D)), "nothing published after a kill at " + step);
            assertEquals(tmp.resolve("crash/reports/2026-04-30").toRealPath(), tmp.resolve("crash/reports/latest").toRealPath());
            org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(previous), step);
        }
        assertEquals(0, nightly("crash", D, null));
        assertEquals(expected, metrics("crash", D));

        // a second run for the same D: nothing ingested, the same figures
        assertEquals(0, nightly("crash", D, null));
        assertEquals(expected, metrics("crash", D));
        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("crash/reports/" + D + "/run-summary.json").toFile());
        assertEquals(0, summary.get("files").get("ingested").asInt());
        assertEquals(12, summary.get("files").get("skipped_unchanged").asInt(), "2 offices x 2 exports x 3 files");
        assertEquals(0, summary.get("exit_status").asInt());
        // same warehouse, configuration, build and D: the figures are not computed again
        assertFalse(summary.get("step_duration_ms").has("metrics"), summary.toString());
        assertTrue(summary.has("reports_reused_from_run"), summary.toString());
        assertTrue(Files.size(tmp.resolve("crash/reports/" + D + "/all-offices.xlsx")) > 0);

        // weekly maintenance after the kills: no table version changes, so D's reports still stand
        assertEquals(0, Main.execute("maintain", "--config", config.toString(), "--warehouse", tmp.resolve("crash/wh").toString()));
        assertEquals(0, nightly("crash", D, null));
        JsonNode after = new ObjectMapper().readTree(tmp.resolve("crash/reports/" + D + "/run-summary.json").toFile());
        assertTrue(after.has("reports_reused_from_run"), after.toString());
        assertEquals(expected, metrics("crash", D));
        // a different date is computed
        assertEquals(0, nightly("crash", "2026-05-30", null));
        JsonNode other = new ObjectMapper().readTree(tmp.resolve("crash/reports/2026-05-30/run-summary.json").toFile());
        assertTrue(other.get("step_duration_ms").has("metrics"));
    }

    @Test
    void aDirtyFileTripsTheGateAndEverythingElseIsPublished() throws IOException {
        Path dirty = tmp.resolve("dirty-inbox");
        Inboxes.copyTree(inbox, dirty);
        String office = Files.list(dirty).map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        Path file = Files.list(dirty.resolve(office)).sorted().findFirst().orElseThrow().resolve("students.csv");
        List<String> lines = Files.readAllLines(file);
        StringBuilder bad = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            bad.append(i % 2 == 0 ? lines.get(i).replaceFirst(",(undergraduate|masters|phd|postdoc|other),", ",mba,") : lines.get(i))
                    .append('\n');
        }
        Files.writeString(file, bad.toString());
        int exit = Main.execute("nightly", "--config", config.toString(), "--inbox", dirty.toString(), "--warehouse",
                tmp.resolve("dirty/wh").toString(), "--reports", tmp.resolve("dirty/reports").toString(), "--as-of", D);
        assertEquals(3, exit);
        Path run = tmp.resolve("dirty/reports/" + D);
        JsonNode summary = new ObjectMapper().readTree(run.resolve("run-summary.json").toFile());
        assertEquals(3, summary.get("exit_status").asInt());
        String held = dirty.relativize(file).toString();
        assertEquals(held, summary.get("quarantined_files").get(0).get("path").asText());
        assertTrue(Files.size(run.resolve("all-offices.xlsx")) > 0);
        assertTrue(Files.size(run.resolve("metrics/" + office + "/student_network.csv")) > 0);
        try (var in = Files.newInputStream(run.resolve("all-offices.xlsx"));
             var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            boolean listed = false;
            for (var r : wb.getSheet("Files received")) {
                List<String> cells = java.util.stream.StreamSupport.stream(r.spliterator(), false)
                        .filter(x -> x.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING)
                        .map(x -> x.getStringCellValue()).toList();
                listed |= cells.contains(held) && cells.contains("quarantined");
            }
            assertTrue(listed, "the quarantined file is on the Files received sheet");
        }
        String index = Files.readString(run.resolve("index.html"));
        assertTrue(index.contains("data-quality gate tripped (exit status 3)"), "the index page opens with the run's status");
        assertTrue(index.contains("<td>" + held + "</td><td>quarantined</td>"), "and names the file held back");
    }

    @Test
    void aSecondRunWhileOneHoldsTheLockExitsWithTwo() throws IOException {
        Path wh = tmp.resolve("locked/wh");
        Files.createDirectories(wh);
        try (var lock = io.careerlens.ops.RunLock.acquire(io.careerlens.warehouse.HadoopConf.get(), wh.toString(), "nightly",
                "holder", java.time.Duration.ofHours(12))) {
            assertEquals(2, Main.execute("ingest", "--config", config.toString(), "--warehouse", wh.toString()));
        }
    }
}
