package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.careerlens.testing.SparkTestSession;
import io.careerlens.testing.TestData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The worklist and the counselors' caseload, from hand-made action-list rows. D = 2026-03-31. */
class WorklistTest {
    static final String HASHED = "3f2a9c" + "0".repeat(58);
    static SparkSession spark;
    static MetricInputs in;
    static Dataset<Row> worklist;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
        TestData t = new TestData("o", "UTC");
        t.student("S1", "masters", "2025-09-01").set("counselor_id", "C1");
        t.student("S2", "masters", "2025-09-01").set("counselor_id", "C1");
        t.contact("K1", "S1", "2025-10-01", "mentor").set("organization", "Acme");
        t.contact(HASHED, "S1", "2025-06-01", "alumni").set("organization", "Initech");
        t.contact("K3", "S2", "2026-03-01", "peer");
        t.touch("E1", "S1", "2026-02-20T10:00", "check_in", "K1");
        t.touch("E2", "S1", "2026-03-10T10:00", "follow_up", "K1");
        in = t.inputs(spark, "2026-03-31");
        Dataset<Row> actions = actionList(
                new Object[] {"S1", "C1", "K1", "mentor", "next_contact", "2026-03-01", 30},
                new Object[] {"S1", "C1", "K1", "mentor", "keep_warm", "2026-02-01", 58},
                new Object[] {"S1", "C1", HASHED, "alumni", "keep_warm", "2025-11-01", 150},
                new Object[] {"S2", "C1", "K3", "peer", "thank_you_24h", "2026-03-25", 6});
        worklist = FollowUpRollups.worklist(actions, in.contacts(), in.activities(), 90).cache();
    }

    private static Dataset<Row> actionList(Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create("o", r[0], r[1], r[2], r[3], r[4], LocalDate.parse((String) r[5]), r[6]));
        }
        return spark.createDataFrame(list, new StructType().add("office_id", "string").add("student_id", "string")
                .add("counselor_id", "string").add("contact_id", "string").add("relationship", "string")
                .add("rule", "string").add("due_on", "date").add("days_overdue", "int"));
    }

    private static Map<String, Row> byContact() {
        return worklist.collectAsList().stream().collect(Collectors.toMap(r -> r.getAs("contact_id"), r -> r));
    }

    @Test
    void oneRowPerStudentAndContactWithEveryReasonAndOneScaleOfDaysPastDue() {
        Map<String, Row> rows = byContact();
        assertEquals(3, rows.size(), "K1's two items are one row");
        Row k1 = rows.get("K1");
        assertEquals(2L, (long) k1.getAs("open_items"));
        assertEquals("keep warm: no touch within the cadence (due 2026-02-01); planned next contact not made (due 2026-03-01)",
                k1.getAs("reasons"));
        assertEquals(58, (int) k1.getAs("days_overdue"), "the oldest of its reasons");
        assertEquals(LocalDate.of(2026, 2, 1), k1.getAs("due_on"));
        assertEquals(LocalDate.of(2026, 3, 10), k1.getAs("last_touch_on"));
        assertEquals("Acme K1", k1.getAs("contact"));
        assertEquals(1, (int) k1.getAs("priority"), "58 days past due comes before 6 in C1's list");
        assertEquals(2, (int) rows.get("K3").getAs("priority"));
        assertEquals("(no organization) K3", rows.get("K3").getAs("contact"));
        assertNull(rows.get("K3").getAs("last_touch_on"));
    }

    @Test
    void morethanNinetyDaysPastDueIsTheBacklogAndAHashedContactGetsAReadableLabel() {
        Row old = byContact().get(HASHED);
        assertEquals(true, old.getAs("backlog"));
        assertEquals(false, byContact().get("K1").getAs("backlog"));
        assertEquals(1, (int) old.getAs("priority"), "the backlog is ranked on its own");
        assertEquals("Initech #3f2a9c", old.getAs("contact"));
    }

    @Test
    void caseloadPerCounselorIncludingStudentsWithoutOne() {
        Dataset<Row> stages = spark.createDataFrame(List.of(
                        RowFactory.create("o", "S1", "C1", "exposure", true, false),
                        RowFactory.create("o", "S2", "C1", "none", false, true),
                        RowFactory.create("o", "S3", "C2", "connection", false, false),
                        RowFactory.create("o", "S4", null, "exposure", false, false)),
                new StructType().add("office_id", "string").add("student_id", "string").add("counselor_id", "string")
                        .add("current_stage", "string").add("stalled", "boolean").add("inactive", "boolean"));
        Dataset<Row> items = spark.createDataFrame(List.of(
                        RowFactory.create("o", "S1", "keep_warm", "met"), RowFactory.create("o", "S1", "keep_warm", "missed"),
                        RowFactory.create("o", "S2", "thank_you_24h", "missed"), RowFactory.create("o", "S2", "thank_you_24h", "pending"),
                        RowFactory.create("o", "S3", "next_contact", "met")),
                new StructType().add("office_id", "string").add("student_id", "string").add("rule", "string")
                        .add("status", "string"));
        Map<String, Row> c = Caseload.perCounselor(stages, worklist, items).collectAsList().stream()
                .collect(Collectors.toMap(r -> String.valueOf((Object) r.getAs("counselor_id")), r -> r));
        assertEquals(3, c.size());
        Row c1 = c.get("C1");
        assertEquals(List.of(2L, 1L, 1L, 0L, 0L, 1L, 1L), List.of(c1.getAs("students"), c1.getAs("at_none"),
                c1.getAs("at_exposure"), c1.getAs("at_immersion"), c1.getAs("at_connection"), c1.getAs("stalled"),
                c1.getAs("inactive")));
        assertEquals(2L, (long) c1.getAs("to_follow_up"), "K1 and K3");
        assertEquals(1L, (long) c1.getAs("backlog"));
        assertEquals(0.5, (double) c1.getAs("compliance_keep_warm"), 1e-9);
        assertEquals(0.0, (double) c1.getAs("compliance_thank_you_24h"), 1e-9, "pending is not judged");
        assertNull(c1.getAs("compliance_next_contact"));
        Row c2 = c.get("C2");
        assertEquals(0L, (long) c2.getAs("to_follow_up"));
        assertEquals(1.0, (double) c2.getAs("compliance_next_contact"), 1e-9);
        assertEquals(1L, (long) c.get("null").getAs("students"), "a student without counselor is counted, not lost");
    }
}
