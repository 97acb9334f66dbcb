package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.careerlens.testing.SparkTestSession;
import io.careerlens.testing.TestData;
import java.time.LocalDate;
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

/** SPEC 2.2. Everyone starts the program on 2025-09-01; D = 2026-06-30 (D-89 = 2026-04-02). */
class StageProgressionTest {
    static SparkSession spark;
    static Map<String, Row> stages;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
        TestData t = new TestData("o", "Europe/Paris");
        for (String s : new String[] {"S1", "S2", "S3", "S4", "S5", "S6", "S7", "S9"}) {
            t.student(s, "masters", "2025-09-01");
        }
        // S1: exposure 10-01; club meetings on 3 dates -> Immersion 12-10; Connection needs the third
        // reciprocal contact: C1 since 01-05 (mutual interview), C2 since its added_on 02-01 (touched
        // inbound before it was added), C3 since 03-03 (coffee chat) -> Connection 2026-03-03.
        t.event("a1", "S1", "2025-10-01", "career_panel");
        t.event("a2", "S1", "2025-10-10", "club_meeting");
        t.event("a3", "S1", "2025-11-10", "club_meeting");
        t.event("a4", "S1", "2025-12-10", "club_meeting");
        t.contact("C1", "S1", "2025-10-05", "alumni");
        t.contact("C2", "S1", "2026-02-01", "alumni");
        t.contact("C3", "S1", "2025-11-01", "alumni");
        t.touch("a5", "S1", "2026-01-05T10:00", "informational_interview", "C1");
        t.touch("a6", "S1", "2026-01-20T10:00", "check_in", "C2").set("direction", "inbound");
        t.touch("a7", "S1", "2026-03-03T10:00", "coffee_chat", "C3");
        t.touch("a8", "S1", "2026-06-01T10:00", "thank_you", "C3"); // keeps S1 active
        // S2: informational interviews and reciprocal contacts, no immersion: stays in Exposure (since 09-15)
        t.event("b1", "S2", "2025-09-15", "career_panel");
        for (int i = 1; i <= 3; i++) {
            t.contact("D" + i, "S2", "2025-09-20", "alumni");
            t.touch("b" + (i + 1), "S2", "2025-1" + (i - 1) + "-01T10:00", "informational_interview", "D" + i);
        }
        // S3: club meetings on 3 dates spread over more than 180 days: no Immersion
        t.event("c1", "S3", "2025-09-10", "club_meeting");
        t.event("c2", "S3", "2025-10-10", "club_meeting");
        t.event("c3", "S3", "2026-04-10", "club_meeting");
        // S4: 10-01, 01-01, 03-29: 03-29 minus 179 days is 10-01, inside -> Immersion 03-29
        t.event("d1", "S4", "2025-10-01", "volunteering");
        t.event("d2", "S4", "2026-01-01", "workshop");
        t.event("d3", "S4", "2026-03-29", "committee_meeting");
        // S5: 10-01, 01-01, 03-30: 10-01 is 180 days before 03-30, one day outside
        t.event("e1", "S5", "2025-10-01", "volunteering");
        t.event("e2", "S5", "2026-01-01", "workshop");
        t.event("e3", "S5", "2026-03-30", "committee_meeting");
        // S6: the volunteer role makes a seminar involvement; a no-show does not count
        t.event("f1", "S6", "2025-10-01", "seminar").set("role", "volunteer");
        t.event("f2", "S6", "2025-10-02", "seminar").set("role", "volunteer");
        t.event("f0", "S6", "2025-10-02", "seminar").set("role", "volunteer").set("checked_in", false);
        t.event("f3", "S6", "2025-10-03", "seminar").set("role", "volunteer");
        // S7: no activity at all
        // S9: Connection conditions met early (10-01) but Immersion only on 2026-02-03
        t.event("g0", "S9", "2025-09-20", "career_fair");
        for (int i = 1; i <= 3; i++) {
            t.contact("G" + i, "S9", "2025-09-20", "alumni");
            t.touch("g" + i, "S9", "2025-10-01T10:00", "coffee_chat", "G" + i);
        }
        t.event("g4", "S9", "2026-02-01", "club_meeting");
        t.event("g5", "S9", "2026-02-02", "club_meeting");
        t.event("g6", "S9", "2026-02-03", "club_meeting");
        t.event("g7", "S9", "2026-12-01", "club_meeting"); // after D
        stages = Rows.by(StageProgression.perStudent(t.inputs(spark, "2026-06-30")), "student_id");
    }

    private static LocalDate date(Row r, String c) {
        return r.getAs(c);
    }

    @Test
    void fullProgressionWaitsForTheThirdReciprocalContact() {
        Row s1 = stages.get("S1");
        assertEquals("connection", s1.getAs("current_stage"));
        assertEquals(LocalDate.parse("2025-10-01"), date(s1, "exposure_on"));
        assertEquals(LocalDate.parse("2025-12-10"), date(s1, "immersion_on"));
        assertEquals(LocalDate.parse("2026-03-03"), date(s1, "connection_on"));
        assertEquals(30, (int) s1.getAs("days_to_exposure"));
        assertEquals(100, (int) s1.getAs("days_to_immersion"));
        assertEquals(183, (int) s1.getAs("days_to_connection"));
        assertEquals(119, (int) s1.getAs("days_in_stage"), "03-03 to 06-30");
        assertEquals(false, s1.getAs("stalled"));
        assertEquals(false, s1.getAs("inactive"), "a thank-you on 06-01");
    }

    @Test
    void interviewsWithoutImmersionStayInExposure() {
        Row s2 = stages.get("S2");
        assertEquals("exposure", s2.getAs("current_stage"));
        assertNull(s2.getAs("immersion_on"));
        assertNull(s2.getAs("connection_on"));
        assertEquals(288, (int) s2.getAs("days_in_stage"), "2025-09-15 to 2026-06-30");
        assertEquals(true, s2.getAs("stalled"), "more than 270 days in Exposure");
        assertEquals(true, s2.getAs("inactive"), "last activity 2025-12-01");
    }

    @Test
    void immersionNeedsThreeDatesWithin180Days() {
        assertEquals("exposure", stages.get("S3").getAs("current_stage"));
        assertEquals(LocalDate.parse("2025-09-10"), date(stages.get("S3"), "exposure_on"));
        assertEquals(LocalDate.parse("2026-03-29"), date(stages.get("S4"), "immersion_on"));
        assertNull(stages.get("S5").getAs("immersion_on"));
        assertEquals(LocalDate.parse("2025-10-03"), date(stages.get("S6"), "immersion_on"));
        assertEquals(LocalDate.parse("2025-10-01"), date(stages.get("S6"), "exposure_on"));
    }

    @Test
    void connectionNeverBeforeImmersion() {
        Row s9 = stages.get("S9");
        assertEquals(LocalDate.parse("2026-02-03"), date(s9, "immersion_on"));
        assertEquals(LocalDate.parse("2026-02-03"), date(s9, "connection_on"));
        assertEquals("connection", s9.getAs("current_stage"));
    }

    @Test
    void aStudentWithNoActivity() {
        Row s7 = stages.get("S7");
        assertEquals("none", s7.getAs("current_stage"));
        assertNull(s7.getAs("exposure_on"));
        assertNull(s7.getAs("days_in_stage"));
        assertEquals(false, s7.getAs("stalled"));
        assertEquals(true, s7.getAs("inactive"));
    }

    private static Dataset<Row> stageRows(Object[]... rows) {
        StructType schema = new StructType().add("office_id", "string").add("cohort", "int").add("program", "string")
                .add("current_stage", "string").add("exposure_on", "date").add("immersion_on", "date")
                .add("connection_on", "date").add("days_to_exposure", "int").add("days_to_immersion", "int")
                .add("days_to_connection", "int");
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return spark.createDataFrame(list, schema);
    }

    private static LocalDate d(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    @Test
    void funnelWithExactMediansAndMonthlyEntries() {
        Dataset<Row> rows = stageRows(
                new Object[] {"o", 2025, "phd", "connection", d("2025-09-11"), d("2025-10-21"), d("2025-12-10"), 10, 50, 100},
                new Object[] {"o", 2025, "phd", "immersion", d("2025-09-21"), d("2025-10-31"), null, 20, 60, null},
                new Object[] {"o", 2025, "phd", "immersion", d("2025-10-11"), d("2025-11-30"), null, 40, 90, null},
                new Object[] {"o", 2025, "phd", "exposure", d("2025-11-10"), null, null, 70, null, null},
                new Object[] {"o", 2025, "phd", "none", null, null, null, null, null, null});
        Row f = StageProgression.funnel(rows).collectAsList().get(0);
        assertEquals(5L, (long) f.getAs("students"));
        assertEquals(4L, (long) f.getAs("reached_exposure"));
        assertEquals(3L, (long) f.getAs("reached_immersion"));
        assertEquals(1L, (long) f.getAs("reached_connection"));
        assertEquals(List.of(1L, 1L, 2L, 1L), List.of((long) f.getAs("at_none"), (long) f.getAs("at_exposure"),
                (long) f.getAs("at_immersion"), (long) f.getAs("at_connection")));
        assertEquals(30.0, (double) f.getAs("median_days_to_exposure"), 1e-9, "even count: (20 + 40) / 2");
        assertEquals(60.0, (double) f.getAs("median_days_to_immersion"), 1e-9);
        assertEquals(100.0, (double) f.getAs("median_days_to_connection"), 1e-9);

        Map<String, Row> m = Rows.by(StageProgression.monthlyEntries(rows), "month");
        Row sep = m.get("2025-09-01");
        assertEquals(2L, (long) sep.getAs("entered_exposure"));
        Row oct = m.get("2025-10-01");
        assertEquals(List.of(1L, 2L, 0L), List.of((long) oct.getAs("entered_exposure"), (long) oct.getAs("entered_immersion"),
                (long) oct.getAs("entered_connection")));
        assertEquals(1L, (long) m.get("2025-12-01").getAs("entered_connection"));
    }

    @Test
    void funnelByDepartmentCountsEveryStudentOnceAndKeepsThoseWithoutADepartment() {
        StructType stageSchema = new StructType().add("office_id", "string").add("student_id", "string")
                .add("current_stage", "string").add("exposure_on", "date").add("immersion_on", "date")
                .add("connection_on", "date").add("stalled", "boolean").add("inactive", "boolean");
        Dataset<Row> stageRows = spark.createDataFrame(List.of(
                RowFactory.create("o", "A", "connection", d("2025-10-01"), d("2025-12-01"), d("2026-02-01"), false, false),
                RowFactory.create("o", "B", "exposure", d("2025-10-01"), null, null, true, false),
                RowFactory.create("o", "C", "none", null, null, null, false, true),
                RowFactory.create("o", "D", "immersion", d("2025-11-01"), d("2026-01-01"), null, false, false)), stageSchema);
        StructType studentSchema = new StructType().add("office_id", "string").add("student_id", "string")
                .add("department", "string");
        Dataset<Row> students = spark.createDataFrame(List.of(RowFactory.create("o", "A", "Law"),
                RowFactory.create("o", "B", "Law"), RowFactory.create("o", "C", null), RowFactory.create("o", "D", "Physics")),
                studentSchema);
        Map<String, Row> byDept = Rows.by(StageProgression.byDepartment(stageRows, students), "department");
        Row law = byDept.get("Law");
        assertEquals(List.of(2L, 2L, 1L, 1L), List.of((long) law.getAs("students"), (long) law.getAs("reached_exposure"),
                (long) law.getAs("reached_immersion"), (long) law.getAs("reached_connection")));
        assertEquals(List.of(0L, 1L, 0L, 1L), List.of((long) law.getAs("at_none"), (long) law.getAs("at_exposure"),
                (long) law.getAs("at_immersion"), (long) law.getAs("at_connection")));
        assertEquals(1L, (long) law.getAs("stalled"));
        Row none = byDept.get("null");
        assertEquals(1L, (long) none.getAs("students"), "a student without a department is counted, not lost");
        assertEquals(1L, (long) none.getAs("inactive"));
        assertEquals(1L, (long) byDept.get("Physics").getAs("at_immersion"));
        assertEquals(3, byDept.size());
    }

    @Test
    void activitiesByYearInProgram() {
        TestData t = new TestData("o", "UTC");
        t.student("S", "phd", "2025-09-01");
        t.event("x1", "S", "2026-08-31", "seminar"); // 0 whole years -> year 1
        t.event("x2", "S", "2026-09-01", "seminar"); // 1 whole year -> year 2
        t.event("x3", "S", "2026-09-02", "club_meeting").set("role", "organizer"); // year 2, lifted to connection
        t.event("x4", "S", "2026-09-03", "thank_you"); // no stage: not counted
        Map<String, Row> r = Rows.by(StageProgression.activitiesByYear(t.inputs(spark, "2026-12-31")),
                "year_in_program", "stage");
        assertEquals(3, r.size());
        assertEquals(1L, (long) r.get("1|exposure").getAs("activities"));
        assertEquals(1L, (long) r.get("2|exposure").getAs("activities"));
        assertEquals(1L, (long) r.get("2|connection").getAs("activities"));
    }
}
