package io.careerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.careerlens.ops.Faults;
import io.careerlens.testing.Inboxes;
import io.careerlens.testing.SparkTestSession;
import io.careerlens.warehouse.Warehouse;
import io.careerlens.warehouse.WarehouseRebuild;
import io.delta.tables.DeltaTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair path for a warehouse written by an older build (one that lost events' outcome):
 * {@code ingest --full-refresh} re-reads every export into new tables and switches them in, and a
 * run killed half-way through the switch is finished by the next command.
 */
class FullRefreshTest {
    static SparkSession spark;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    private Path inbox() {
        Path inbox = tmp.resolve("inbox");
        Inboxes.write(inbox, "north", "2026-01-05", "students.csv", "student_id,program,program_start",
                "S1,masters,2025-09-01");
        Inboxes.write(inbox, "north", "2026-01-05", "events.csv", "event_id,student_id,occurred_at,event_type,outcome",
                "E1,S1,2026-01-02,outreach,accepted", "E2,S1,2026-01-03,outreach,declined",
                "E3,S1,2026-01-04,outreach,no_response");
        return inbox;
    }

    private String[] args(Path inbox, Path wh, String... extra) throws Exception {
        Path c = tmp.resolve("c.yaml");
        Files.writeString(c, "paths: {logs: " + tmp.resolve("logs") + "}\n"
                + "offices:\n  north: {name: North, timezone: America/New_York}\n");
        String[] base = {"ingest", "--config", c.toString(), "--inbox", inbox.toString(), "--warehouse", wh.toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    private static Map<String, String> outcomes(Path wh) {
        Map<String, String> m = new TreeMap<>();
        for (Row r : new Warehouse(spark, wh.toString()).read("events").collectAsList()) {
            m.put(r.getAs("event_id"), r.getAs("outcome"));
        }
        return m;
    }

    /** what an older build left: every outcome 'accepted', and metric tables computed from that. */
    private static void damage(Path wh) {
        DeltaTable.forPath(spark, wh.resolve("events").toString()).updateExpr(Map.of("outcome", "'accepted'"));
        spark.range(1).toDF("x").write().format("delta").save(wh.resolve("metric_student_network").toString());
    }

    private static final Map<String, String> TRUE_OUTCOMES = Map.of("E1", "accepted", "E2", "declined", "E3", "no_response");

    @Test
    void aFullRefreshRebuildsDamagedTablesFromTheInboxAndDropsStaleMetrics() throws Exception {
        Path inbox = inbox();
        Path wh = tmp.resolve("wh");
        assertEquals(0, Main.execute(args(inbox, wh)));
        damage(wh);
        assertEquals(Map.of("E1", "accepted", "E2", "accepted", "E3", "accepted"), outcomes(wh));

        assertEquals(0, Main.execute(args(inbox, wh, "--full-refresh")));

        assertEquals(TRUE_OUTCOMES, outcomes(wh));
        assertFalse(Files.exists(wh.resolve("metric_student_network")), "metrics of the damaged tables are dropped");
        assertFalse(Files.exists(wh.resolve(WarehouseRebuild.FOLDER)), "nothing of the rebuild is left behind");
        assertEquals(2, new Warehouse(spark, wh.toString()).read(Warehouse.FILE_LEDGER).count(), "one ledger row per file");
        // the rebuilt warehouse goes on as usual: an unchanged inbox ingests nothing
        assertEquals(0, Main.execute(args(inbox, wh)));
        assertEquals(2, new Warehouse(spark, wh.toString()).read(Warehouse.FILE_LEDGER).count());
        // and the figures come from the true outcomes: E1 accepted of E1..E3 answered -> 1/3
        String[] metrics = args(inbox, wh, "--reports", tmp.resolve("reports").toString(), "--as-of", "2026-01-10");
        metrics[0] = "metrics";
        assertEquals(0, Main.execute(metrics));
        List<String> lines = Files.readAllLines(tmp.resolve("reports/2026-01-10/metrics/north/student_network.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        String[] s1 = lines.get(1).split(",", -1);
        assertEquals(1.0 / 3, Double.parseDouble(s1[header.indexOf("outreach_conversion")]), 1e-4);
        assertEquals("", s1[header.indexOf("no_show_rate")], "no registered events: empty");
    }

    @Test
    void aRebuildKilledDuringTheSwitchIsFinishedByTheNextRun() throws Exception {
        Path inbox = inbox();
        Path wh = tmp.resolve("wh");
        assertEquals(0, Main.execute(args(inbox, wh)));
        damage(wh);
        System.setProperty("careerlens.fail_at", "rebuild.mid_switch");
        try {
            assertThrows(Faults.SimulatedKill.class, () -> Main.execute(args(inbox, wh, "--full-refresh")));
        } finally {
            System.clearProperty("careerlens.fail_at");
        }
        assertFalse(Files.exists(wh.resolve("events")), "killed with the old tables moved aside, the new not yet in");
        Files.deleteIfExists(wh.resolve("_careerlens.lock")); // a killed process leaves its lock behind

        assertEquals(0, Main.execute(args(inbox, wh)), "the next run finishes the switch, then ingests nothing new");

        assertEquals(TRUE_OUTCOMES, outcomes(wh));
        assertTrue(Files.exists(wh.resolve("students")));
        assertFalse(Files.exists(wh.resolve(WarehouseRebuild.FOLDER)));
    }
}
