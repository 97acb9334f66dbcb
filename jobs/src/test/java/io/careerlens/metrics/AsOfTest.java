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
                NetworkGrowth::perStudent, NetworkGrowth::perOfficeMonth, StageProgression::perStudent, FollowUp::items,
                FollowUp::keepWarmSnapshots)) {
            List<String> before = rows(metric.apply(history(false).inputs(spark, d)));
            List<String> after = rows(metric.apply(history(true).inputs(spark, d)));
            assertEquals(before, after);
        }
        Row interview = FollowUp.items(history(true).inputs(spark, d)).filter("anchor_event_id = 'I'").first();
        assertEquals("pending", interview.getAs("status"), "at the end of 02-27 the window is still open");
    }

    /** keep_warm month-end snapshots: mentor A (30 days) added 2026-01-10, never touched; D = 2026-03-15. */
    @Test
    void keepWarmSnapshotsAtEachMonthEnd() {
        TestData t = new TestData("o", "UTC");
        t.student("S", "phd", "2025-09-01");
        t.contact("A", "S", "2026-01-10", "mentor");
        var snapshots = Rows.by(FollowUp.keepWarmSnapshots(t.inputs(spark, "2026-03-15")), "month");
        // due 02-09: met at 01-31, missed at 02-28 and at D (03-15); no snapshot before A was added
        assertEquals("met", snapshots.get("2026-01-01").getAs("status"));
        assertEquals("missed", snapshots.get("2026-02-01").getAs("status"));
        assertEquals(19, (int) snapshots.get("2026-02-01").getAs("days_overdue"));
        assertEquals(34, (int) snapshots.get("2026-03-01").getAs("days_overdue"), "03-15 minus 02-09");
        assertEquals(3, snapshots.size());
    }
}
