package io.careerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careerlens.testing.Inboxes;
import io.careerlens.testing.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void spark() {
        SparkTestSession.get();
    }

    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private Path config(String extra) throws Exception {
        Path c = tmp.resolve("c.yaml");
        Files.writeString(c, "offices:\n  north: {name: North, timezone: America/New_York}\n" + extra);
        return c;
    }

    @Test
    void badConfigurationExitsWithTwoAndOneLineNamingTheKey() throws Exception {
        Result r = run("ingest", "--config", config("rules: {thank_you_window: 24}\n").toString(),
                "--inbox", tmp.toString(), "--warehouse", tmp.resolve("wh").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("rules.thank_you_window"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(!Files.exists(tmp.resolve("wh")), "nothing was written");
    }

    @Test
    void unknownOptionsAndMissingConfigFilesAreUsageErrors() {
        assertEquals(2, run("ingest", "--frobnicate").exit());
        assertEquals(2, run("ingest", "--config", tmp.resolve("nope.yaml").toString()).exit());
        Result help = run("ingest", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--warehouse"));
    }

    @Test
    void maintenanceOfAWarehouseThatIsNotThereIsAUsageErrorAndCreatesNothing() throws Exception {
        Path missing = tmp.resolve("no-such-warehouse");
        Result r = run("maintain", "--config", config("").toString(), "--warehouse", missing.toString());
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("no warehouse at " + missing), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(!Files.exists(missing), "no lock folder left behind");
    }

    /**
     * Maintenance compacts the tables the nightly appends to, never a metric table (read a date at a
     * time) nor the file ledger (its latest commit must be a finished run's).
     */
    @Test
    void maintenanceCompactsTheAppendedTablesOnly() {
        for (String t : List.of("students", "contacts", "events", "students_versions", "contacts_versions",
                "events_versions", "rejects")) {
            assertTrue(MaintainCommand.compactable(t), t);
        }
        assertFalse(MaintainCommand.compactable("file_ledger"));
        for (io.careerlens.report.MetricTable m : io.careerlens.report.MetricTable.values()) {
            assertFalse(MaintainCommand.compactable(m.deltaTable()), m.deltaTable());
        }
    }

    @Test
    void validateJsonAccountsForEveryRowAndWritesNothing() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Inboxes.write(inbox, "north", "2026-01-05", "students.csv", "student_id,program,program_start",
                "S1,masters,2025-09-01", "S2,mba,2025-09-01");
        Inboxes.write(inbox, "stray", "2026-01-05", "students.csv", "student_id");
        Result r = run("validate", "--json", "--config", config("").toString(), "--inbox", inbox.toString());
        assertEquals(3, r.exit(), r.err() + r.out());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode f = json.get("files").get(0);
        assertEquals("north/2026-01-05/students.csv", f.get("path").asText());
        assertEquals("quarantined", f.get("status").asText());
        assertEquals(2, f.get("rows_read").asLong());
        assertEquals(1, f.get("rejects_by_reason").get("bad_enum").asLong());
        assertEquals(f.get("rows_read").asLong(), f.get("accepted").asLong() + f.get("rejected").asLong()
                + f.get("duplicates").asLong());
        assertEquals("stray/", json.get("skipped_paths").get(0).get("path").asText());
        // line 2 is held back with its file; line 3 is the bad row itself
        JsonNode rows = json.get("rejected_rows");
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).get("line").asLong());
        assertEquals("file_quarantined", rows.get(0).get("reason").asText());
        assertEquals(3, rows.get(1).get("line").asLong());
        assertEquals("bad_enum", rows.get(1).get("reason").asText());
        // every reason in the report is explained, with what to fix
        assertTrue(json.get("reject_reasons").get("bad_enum").asText().contains("allowed values"));
        assertTrue(json.get("reject_reasons").get("file_quarantined").asText().contains("corrected export"));
    }

    @Test
    void ingestJsonReportsIngestedThenSkippedUnchanged() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Inboxes.write(inbox, "north", "2026-01-05", "students.csv", "student_id,program,program_start", "S1,masters,2025-09-01");
        String[] args = {"ingest", "--json", "--config", config("").toString(), "--inbox", inbox.toString(),
            "--warehouse", tmp.resolve("wh").toString()};
        Result first = run(args);
        assertEquals(0, first.exit(), first.err());
        assertEquals("ingested", new ObjectMapper().readTree(first.out()).get("files").get(0).get("status").asText());
        Result second = run(args);
        assertEquals("skipped_unchanged", new ObjectMapper().readTree(second.out()).get("files").get(0).get("status").asText());
    }

    @Test
    void reportsAndLogsOnAHadoopUriAreRefusedNotWrittenToAFolderNamedHdfs() throws Exception {
        Result r = run("report", "--config", config("").toString(), "--warehouse", tmp.resolve("wh").toString(),
                "--reports", "hdfs://host:9000/careerlens/reports");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("careerlens: --reports is hdfs://host:9000/careerlens/reports: reports and logs must be "
                + "a local folder"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(!Files.exists(Path.of("hdfs:")), "no local folder named hdfs:");
        assertTrue(!Files.exists(tmp.resolve("wh")), "nothing was done");

        Result logs = run("report", "--config", config("paths: {logs: 's3a://bucket/logs'}\n").toString(),
                "--warehouse", tmp.resolve("wh").toString(), "--reports", tmp.resolve("reports").toString());
        assertEquals(2, logs.exit(), logs.err());
        assertTrue(logs.err().startsWith("careerlens: paths.logs is s3a://bucket/logs"), logs.err());
        assertTrue(!Files.exists(tmp.resolve("wh")), "nothing was done");
    }

    @Test
    void pathsInTheConfigurationAreRelativeToItsFolderAndTheRunsEndIsKeptInTheWarehouse() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Inboxes.write(site.resolve("in"), "north", "2026-01-05", "students.csv", "student_id,program,program_start",
                "S1,masters,2025-09-01");
        Path c = site.resolve("careerlens.yaml");
        Files.writeString(c, "paths: {inbox: in, warehouse: wh, logs: logs}\n"
                + "offices:\n  north: {name: North, timezone: America/New_York}\n");
        // run from another working directory: only the file's folder counts
        Result r = run("ingest", "--json", "--config", c.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("ingested", new ObjectMapper().readTree(r.out()).get("files").get(0).get("status").asText());
        assertTrue(Files.isDirectory(site.resolve("wh/students")), "warehouse beside the configuration");
        try (var logs = Files.list(site.resolve("logs"))) {
            assertTrue(logs.anyMatch(p -> p.getFileName().toString().endsWith("-ingest.log")));
        }
        JsonNode last = new ObjectMapper().readTree(site.resolve("wh/_careerlens/last-run.json").toFile());
        assertEquals("ingest", last.get("command").asText());
        assertEquals(0, last.get("exit_status").asInt());
        assertEquals("ok", last.get("status").asText());
        try (var runs = Files.list(site.resolve("wh/_careerlens/runs"))) {
            assertEquals(1, runs.filter(p -> p.getFileName().toString().endsWith("-ingest.json")).count());
        }
    }

    /**
     * A damaged warehouse file (a disk error, a file removed by hand) used to hang the metrics
     * step for good: two metric-table threads waited on each other inside Spark's cache, the run
     * kept the warehouse lock and every later night exited 2. It must fail with one line naming
     * the file and the way to rebuild.
     */
    @Test
    void anUnreadableWarehouseFileFailsTheMetricsRunWithOneLineNamingIt() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Inboxes.write(inbox, "north", "2026-01-05", "students.csv", "student_id,program,program_start",
                "S1,masters,2025-09-01", "S2,undergraduate,2024-09-01");
        Inboxes.write(inbox, "north", "2026-01-05", "contacts.csv", "contact_id,student_id,added_on,relationship,status",
                "S1-C1,S1,2025-10-01,professional,active", "S2-C1,S2,2025-11-01,alumni,active");
        Inboxes.write(inbox, "north", "2026-01-05", "events.csv", "event_id,student_id,occurred_at,event_type,contact_id",
                "S1-E1,S1,2025-10-01T10:00:00,career_fair,", "S1-E2,S1,2025-10-02T09:00:00,thank_you,S1-C1",
                "S2-E1,S2,2025-11-01T15:00:00,informational_interview,S2-C1");
        Path wh = tmp.resolve("wh");
        String c = config("").toString();
        Result ingest = run("ingest", "--config", c, "--inbox", inbox.toString(), "--warehouse", wh.toString());
        assertEquals(0, ingest.exit(), ingest.err());
        Path damaged;
        try (var files = Files.list(wh.resolve("events"))) {
            damaged = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.write(damaged, "not parquet at all, a damaged block".getBytes(StandardCharsets.UTF_8));
        Files.deleteIfExists(damaged.resolveSibling("." + damaged.getFileName() + ".crc"));

        Result r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(3),
                () -> run("metrics", "--config", c, "--warehouse", wh.toString(), "--reports", tmp.resolve("reports").toString(),
                        "--as-of", "2026-01-05"));
        assertEquals(1, r.exit(), r.err());
        List<String> ours = r.err().lines().filter(l -> l.startsWith("careerlens:")).toList();
        assertEquals(1, ours.size(), r.err());
        assertTrue(ours.get(0).startsWith("careerlens: failed: cannot read " + damaged.toUri().toString().replace("file:///", "file:/")),
                ours.get(0));
        assertTrue(ours.get(0).contains("'careerlens ingest --full-refresh'"), ours.get(0));
        assertFalse(Files.exists(wh.resolve(io.careerlens.ops.RunLock.FILE)), "the lock is released");
    }
}
