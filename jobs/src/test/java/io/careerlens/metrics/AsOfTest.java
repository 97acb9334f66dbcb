package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.careerlens.testing.SparkTestSession;
import io.careerlens.testing.TestData;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Figures for an earlier D do not change when later data arrives (SPEC 2). */
class AsOfTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    private static TestData history(boolean withLaterData) {
        TestData t = new TestData("o", "Asia/Tokyo");
        t.student("S", "phd", "2025-09-01");
        t.contact("A", "S", "2026-01-10", "mentor").set("next_contact_on", "2026-02-25");
        t.contact("B", "S", "2026-02-01", "alumni").set("source_event_id", "F");
        t.event("F", "S", "2026-01-31T18:00", "career_fair");
        t.touch("I", "S", "2026-02-27T10:00", "informational_interview", "A");
        t.event("c1", "S", "2026-01-05", "club_meeting");
        t.event("c2", "S", "2026-01-12", "club_meeting");
        if (withLaterData) {
            t.touch("T", "S", "2026-02-28T09:00", "thank_you", "A"); // after D: the interview stays pending at D
            t.event("c3", "S", "2026-03-02", "club_meeting");
            t.contact("C", "S", "2026-03-05", "peer");
            t.touch("L", "S", "2026-03-01T09:00", "linkedin_connect", "B");
        }
        return t;
    }

    private static List<String> rows(Dataset<Row> d) {
        return d.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void anEarlierDateReproducesItsFigures() {
        String d = "2026-02-27";
        for (Function<MetricInputs, Dataset<Row>> metric : List.<Function<MetricInputs, Dataset<Row>>>of(
                NetworkGrowth::perStudent, NetworkGrowth::perOfficeMonth, StageProgression::perStudent,
                in -> FollowUp.items(in, Activities.touchesByContact(in.activities())),
                in -> FollowUp.keepWarmSnapshots(in, Activities.touchesByContact(in.activities())))) {
            List<String> before = rows(metric.apply(history(false).inputs(spark, d)));
            List<String> after = rows(metric.apply(history(true).inputs(spark, d)));
            assertEquals(before, after);
        }
        MetricInputs asOfD = history(true).inputs(spark, d);
        Row interview = FollowUp.items(asOfD, Activities.touchesByContact(asOfD.activities()))
                .filter("anchor_event_id = 'I'").first();
        assertEquals("pending", interview.getAs("status"), "at the end of 02-27 the window is still open");
    }

    /** keep_warm month-end snapshots: mentor A (30 days) added 2026-01-10, never touched; D = 2026-03-15. */
    @Test
    void keepWarmSnapshotsAtEachMonthEnd() {
        TestData t = new TestData("o", "UTC");
        t.student("S", "phd", "2025-09-01");
        t.contact("A", "S", "2026-01-10", "mentor");
        MetricInputs in = t.inputs(spark, "2026-03-15");
        var snapshots = Rows.by(FollowUp.keepWarmSnapshots(in, Activities.touchesByContact(in.activities())), "month");
        // due 02-09: met at 01-31, missed at 02-28 and at D (03-15); no snapshot before A was added
        assertEquals("met", snapshots.get("2026-01-01").getAs("status"));
        assertEquals("missed", snapshots.get("2026-02-01").getAs("status"));
        assertEquals(19, (int) snapshots.get("2026-02-01").getAs("days_overdue"));
        assertEquals(34, (int) snapshots.get("2026-03-01").getAs("days_overdue"), "03-15 minus 02-09");
        assertEquals(3, snapshots.size());
    }

    /**
     * Each month-end snapshot takes the latest touch up to that date: mentor A (30 days) added
     * 2026-01-05; D = 2026-03-15. Touches on 01-20, on the month's last day 01-31 (23:00), twice on
     * 02-10 (09:00 and 08:00: the later time wins, not the later id) and on 03-20 (after D).
     */
    @Test
    void keepWarmSnapshotsTakeTheLastTouchUpToEachMonthEnd() {
        TestData t = new TestData("o", "UTC");
        t.student("S", "phd", "2025-09-01");
        t.contact("A", "S", "2026-01-05", "mentor");
        t.touch("T1", "S", "2026-01-20T10:00", "follow_up", "A");
        t.touch("T5", "S", "2026-01-31T23:00", "coffee_chat", "A");
        t.touch("T2", "S", "2026-02-10T09:00", "follow_up", "A");
        t.touch("T3", "S", "2026-02-10T08:00", "thank_you", "A");
        t.touch("T4", "S", "2026-03-20T09:00", "follow_up", "A");
        MetricInputs in = t.inputs(spark, "2026-03-15");
        var snapshots = Rows.by(FollowUp.keepWarmSnapshots(in, Activities.touchesByContact(in.activities())), "month");
        assertEquals(3, snapshots.size(), "January to D's month");
        // 01-31: last touch T5 that day, due 03-02
        Row jan = snapshots.get("2026-01-01");
        assertEquals("met", jan.getAs("status"));
        assertEquals(java.time.LocalDate.parse("2026-03-02"), jan.getAs("due_on"));
        assertEquals("T5", jan.getAs("resolved_by_event_id"));
        // 02-28: last touch on 02-10, T2 at 09:00; due 03-12
        Row feb = snapshots.get("2026-02-01");
        assertEquals("met", feb.getAs("status"));
        assertEquals(java.time.LocalDate.parse("2026-03-12"), feb.getAs("due_on"));
        assertEquals("T2", feb.getAs("resolved_by_event_id"));
        // D = 03-15: T4 comes after D, so still 02-10; three days past 03-12
        Row mar = snapshots.get("2026-03-01");
        assertEquals("missed", mar.getAs("status"));
        assertEquals(3, (int) mar.getAs("days_overdue"));
        // the item as of D is the snapshot of D's month
        Row item = FollowUp.items(in, Activities.touchesByContact(in.activities())).filter("rule = 'keep_warm'").first();
        assertEquals("missed", item.getAs("status"));
        assertEquals(java.time.LocalDate.parse("2026-03-12"), item.getAs("due_on"));
        assertEquals(3, (int) item.getAs("days_overdue"));
    }
}
