package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.careerlens.ingest.Ingestor;
import io.careerlens.testing.SparkTestSession;
import io.careerlens.testing.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Office-level figures and compliance roll-ups, worked out by hand. D = 2026-03-31 (30 days: 03-02 .. 03-31). */
class RollupsTest {
    static SparkSession spark;
    static MetricInputs in;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
        TestData t = new TestData("o", "UTC");
        t.student("S1", "masters", "2025-09-01").set("counselor_id", "C1");
        t.student("S2", "masters", "2024-09-01").set("counselor_id", "C1");
        t.student("S3", "phd", "2025-09-01").set("counselor_id", "C2");
        t.contact("K1", "S1", "2026-03-01", "peer");
        t.contact("K2", "S1", "2026-03-02", "mentor");
        t.contact("K3", "S9", "2026-03-01", "peer"); // S9 unknown: an orphan contact
        t.touch("E1", "S2", "2026-03-10T10:00", "check_in", "K1"); // K1 belongs to S1
        t.event("E2", "S8", "2026-03-11T10:00", "seminar"); // unknown student
        t.touch("E3", "S1", "2026-03-20T10:00", "check_in", "K404"); // unknown contact
        in = t.inputs(spark, "2026-03-31");
    }

    @Test
    void officeNetworkSummary() {
        Row o = NetworkGrowth.perOffice(in, NetworkGrowth.perStudent(in)).collectAsList().get(0);
        assertEquals(3L, (long) o.getAs("students"));
        // network sizes S1 = 2 (K1, K2), S2 = 0, S3 = 0: the median of 0, 0, 2 is 0
        assertEquals(0.0, (double) o.getAs("median_network_size"), 1e-9);
        assertEquals(2L, (long) o.getAs("network_size"), "K3's student is not a student of the office");
        assertEquals(1L, (long) o.getAs("contacts_added_30d"), "K2 (03-02); K1 on 03-01 is the 31st day back");
        assertEquals(0L, (long) o.getAs("reciprocal_contacts"), "the only touch of K1 is outbound");
        // one active week for S1 (E3) and S2 (E1), none for S3: (1/12 + 1/12 + 0) / 3
        assertEquals(2.0 / 36, (double) o.getAs("mean_weekly_consistency"), 1e-9);
        assertEquals(0L, (long) o.getAs("overcommitted_students"));
        assertNull(o.getAs("outreach_conversion"));
        assertNull(o.getAs("no_show_rate"));
    }

    @Test
    void officeDataQuality() {
        Dataset<Row> files = DataQuality.files(spark.createDataFrame(List.of(), Ingestor.ledgerSchema()), in.asOf());
        Row o = DataQuality.offices(in, files).collectAsList().get(0);
        assertEquals(3L, (long) o.getAs("students"));
        assertEquals(3L, (long) o.getAs("contacts"));
        assertEquals(1L, (long) o.getAs("orphan_contacts"), "K3");
        assertEquals(3L, (long) o.getAs("events"));
        assertEquals(2L, (long) o.getAs("orphan_events"), "E2 (unknown student) and E3 (unknown contact)");
        assertEquals(1L, (long) o.getAs("events_with_other_students_contact"), "E1: S2 touching S1's contact");
        assertNull(o.getAs("latest_export_date"), "no file ingested");
    }

    private static Dataset<Row> items(String[]... rows) {
        List<Row> list = new ArrayList<>();
        for (String[] r : rows) {
            list.add(RowFactory.create("o", r[0], r[1], r[2]));
        }
        return spark.createDataFrame(list, new StructType().add("office_id", "string").add("rule", "string")
                .add("student_id", "string").add("status", "string"));
    }

    @Test
    void complianceByCounselorAndCohort() {
        Dataset<Row> items = items(new String[] {"keep_warm", "S1", "met"}, new String[] {"keep_warm", "S1", "missed"},
                new String[] {"keep_warm", "S2", "met"}, new String[] {"keep_warm", "S3", "pending"},
                new String[] {"next_contact", "S3", "missed"});
        Map<String, Row> c = Rows.by(FollowUpRollups.by(items, in.studentsWithCohort(), "counselor_id"), "counselor_id", "rule");
        assertEquals(2.0 / 3, (double) c.get("C1|keep_warm").getAs("compliance"), 1e-9, "S1 met + missed, S2 met");
        assertNull(c.get("C2|keep_warm").getAs("compliance"), "only a pending item");
        assertEquals(1L, (long) c.get("C2|keep_warm").getAs("pending"));
        assertEquals(0.0, (double) c.get("C2|next_contact").getAs("compliance"), 1e-9);
        Map<String, Row> y = Rows.by(FollowUpRollups.by(items, in.studentsWithCohort(), "cohort"), "cohort", "rule");
        assertEquals(0.5, (double) y.get("2025|keep_warm").getAs("compliance"), 1e-9, "S1 and S3: 1 met, 1 missed");
        assertEquals(1.0, (double) y.get("2024|keep_warm").getAs("compliance"), 1e-9, "S2");
        Map<String, Row> s = Rows.by(FollowUpRollups.by(items, in.studentsWithCohort(), "student_id"), "student_id", "rule");
        assertEquals(0.5, (double) s.get("S1|keep_warm").getAs("compliance"), 1e-9);
    }

    /** monthly compliance counts each student once per row, however many items the student has there. */
    @Test
    void monthlyComplianceCountsTheStudentsBehindEachRow() {
        Dataset<Row> dated = byDate("due_on",
                new String[] {"thank_you_24h", "S1", "2026-03-03", "met"},
                new String[] {"thank_you_24h", "S1", "2026-03-05", "missed"},
                new String[] {"thank_you_24h", "S2", "2026-03-10", "pending"},
                new String[] {"thank_you_24h", "S3", "2026-02-20", "missed"});
        Dataset<Row> snapshots = byDate("month",
                new String[] {"keep_warm", "S1", "2026-03-01", "met"},
                new String[] {"keep_warm", "S1", "2026-03-01", "missed"},
                new String[] {"keep_warm", "S2", "2026-03-01", "met"},
                new String[] {"keep_warm", "S1", "2026-02-01", "missed"});
        Map<String, Row> m = Rows.by(FollowUpRollups.monthly(dated, snapshots), "rule", "month");
        assertEquals(4, m.size());
        assertCounts(m.get("thank_you_24h|2026-03-01"), 1, 1, 1, 2); // S1 twice, S2
        assertEquals(0.5, (double) m.get("thank_you_24h|2026-03-01").getAs("compliance"), 1e-9);
        assertCounts(m.get("thank_you_24h|2026-02-01"), 0, 1, 0, 1);
        assertCounts(m.get("keep_warm|2026-03-01"), 2, 1, 0, 2);
        assertEquals(2.0 / 3, (double) m.get("keep_warm|2026-03-01").getAs("compliance"), 1e-9);
        assertCounts(m.get("keep_warm|2026-02-01"), 0, 1, 0, 1);
    }

    /** items of office o: rule, student, the date column, status. */
    private static Dataset<Row> byDate(String dateColumn, String[]... rows) {
        List<Row> list = new ArrayList<>();
        for (String[] r : rows) {
            list.add(RowFactory.create("o", r[0], r[1], java.sql.Date.valueOf(r[2]), r[3]));
        }
        return spark.createDataFrame(list, new StructType().add("office_id", "string").add("rule", "string")
                .add("student_id", "string").add(dateColumn, "date").add("status", "string"));
    }

    private static void assertCounts(Row r, long met, long missed, long pending, long students) {
        assertEquals(List.of(met, missed, pending, 0L, students), List.of((long) r.getAs("met"), (long) r.getAs("missed"),
                (long) r.getAs("pending"), (long) r.getAs("unevaluable"), (long) r.getAs("students")), r.toString());
    }
}
