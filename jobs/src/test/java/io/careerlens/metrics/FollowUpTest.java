package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.careerlens.testing.SparkTestSession;
import io.careerlens.testing.TestData;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC 2.3, office in America/New_York, D = 2026-03-10. US summer time starts on 2026-03-08 at
 * 02:00 (UTC-5 before, UTC-4 after).
 */
class FollowUpTest {
    static SparkSession spark;
    static Dataset<Row> items;
    static Map<String, Row> byContact;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
        TestData t = new TestData("o", "America/New_York");
        t.student("S", "masters", "2025-09-01").set("counselor_id", "C9");
        String[] ks = {"K1", "K2", "K3", "K4", "K5", "K6", "K7", "K9", "K10", "K11", "K12"};
        for (String k : ks) {
            t.contact(k, "S", "2026-03-01", "alumni");
        }
        t.touch("I1", "S", "2026-03-02T10:00", "informational_interview", "K1");
        t.touch("T1", "S", "2026-03-03T10:00", "thank_you", "K1"); // exactly 24 h later
        t.touch("I2", "S", "2026-03-02T10:00", "informational_interview", "K2");
        t.touch("T2", "S", "2026-03-03T10:00:01", "thank_you", "K2"); // 24 h and one second
        t.touch("I3", "S", "2026-03-02", "informational_interview", "K3"); // day precision
        t.touch("T3", "S", "2026-03-03T23:00", "thank_you", "K3"); // the next local date
        t.touch("I4", "S", "2026-03-02T22:00", "informational_interview", "K4");
        t.touch("T4", "S", "2026-03-04", "thank_you", "K4"); // by dates: two dates later
        t.touch("I5", "S", "2026-03-10T15:00", "informational_interview", "K5"); // window open at the end of D
        // across the DST change: 12:00 EST (17:00Z) to 12:30 EDT (16:30Z) is 23.5 real hours
        t.touch("I6", "S", "2026-03-07T12:00", "informational_interview", "K6");
        t.touch("T6", "S", "2026-03-08T12:30", "thank_you", "K6");
        // 11:00 EST (16:00Z) to 12:30 EDT (16:30Z) is 24.5 real hours although the clock says 25.5
        t.touch("I7", "S", "2026-03-07T11:00", "informational_interview", "K7");
        t.touch("T7", "S", "2026-03-08T12:30", "thank_you", "K7");
        t.event("I8", "S", "2026-03-02T10:00", "informational_interview"); // no contact
        t.touch("I9", "S", "2026-03-02T10:00", "informational_interview", "K9");
        t.touch("T9", "S", "2026-03-02T09:00", "thank_you", "K9"); // before the interview
        t.touch("I10", "S", "2026-03-02T10:00", "informational_interview", "K10").set("checked_in", false); // no-show
        t.touch("I11", "S", "2026-03-05T09:00", "informational_interview", "K11");
        t.touch("T11", "S", "2026-03-05T18:00", "follow_up", "K11");
        t.touch("T11b", "S", "2026-03-05T12:00", "thank_you", "K11"); // the earlier of two answers resolves
        t.touch("I12", "S", "2026-02-20T10:00", "informational_interview", "K12");

        // event follow-up: fair F1 on 03-01 10:00; mixer M1 on 03-08 (day precision)
        t.event("F1", "S", "2026-03-01T10:00", "career_fair");
        t.event("M1", "S", "2026-03-08", "mixer");
        t.event("SEM", "S", "2026-03-01T10:00", "seminar");
        t.contact("L1", "S", "2026-03-01", "recruiter").set("source_event_id", "F1");
        t.touch("R1", "S", "2026-03-04T10:00", "linkedin_connect", "L1"); // exactly 72 h
        t.contact("L2", "S", "2026-03-01", "recruiter").set("source_event_id", "F1");
        t.touch("R2", "S", "2026-03-04T10:01", "follow_up", "L2"); // 72 h and a minute
        t.contact("L3", "S", "2026-03-08", "recruiter").set("source_event_id", "M1"); // open until 03-11
        t.contact("L4", "S", "2026-03-02", "recruiter").set("source_event_id", "X404"); // unknown event
        t.contact("L5", "S", "2026-03-02", "recruiter").set("source_event_id", "SEM"); // not a fair: no item
        t.contact("L6", "S", "2026-03-01", "recruiter").set("source_event_id", "F1").set("status", "archived");
        t.touch("R6", "S", "2026-03-02", "thank_you", "L6"); // archived contacts count for window rules

        // keep warm
        t.contact("W1", "S", "2026-01-01", "mentor");
        t.touch("U1", "S", "2026-02-08T10:00", "check_in", "W1");
        t.contact("W2", "S", "2025-12-01", "professional").set("likes", true).set("can_help", true);
        t.contact("W3", "S", "2026-03-01", "mentor").set("likes", true).set("can_help", true).set("cadence_days", 10);
        t.touch("U3", "S", "2026-03-05T10:00", "check_in", "W3");
        t.contact("W4", "S", "2026-01-15", "mentor").set("likes", true).set("can_help", true);
        t.contact("W5", "S", "2025-01-01", "peer").set("status", "archived");
        t.contact("W6", "S", "2025-11-10", "peer");
        t.touch("U6", "S", "2026-03-10T08:00", "check_in", "W6");
        t.contact("W7", "S", "2025-10-01", "peer");
        t.touch("U7", "S", "2026-03-12T08:00", "check_in", "W7"); // after D

        // next contact
        t.contact("N1", "S", "2026-01-01", "peer").set("next_contact_on", "2026-03-05");
        t.touch("V1", "S", "2026-02-26T10:00", "check_in", "N1"); // exactly 7 days before
        t.touch("V1b", "S", "2026-03-01T10:00", "check_in", "N1"); // a later touch in the window
        t.contact("N2", "S", "2026-01-01", "peer").set("next_contact_on", "2026-03-05");
        t.touch("V2", "S", "2026-02-25T10:00", "check_in", "N2"); // 8 days before
        t.contact("N3", "S", "2026-01-01", "peer").set("next_contact_on", "2026-03-08"); // 2 days ago
        t.contact("N4", "S", "2026-01-01", "peer").set("next_contact_on", "2026-03-07"); // 3 days ago
        t.contact("N5", "S", "2026-01-01", "peer").set("next_contact_on", "2026-03-20"); // after D
        t.contact("N6", "S", "2026-01-01", "peer").set("next_contact_on", "2026-03-01").set("status", "archived");

        MetricInputs in = t.inputs(spark, "2026-03-10");
        items = FollowUp.items(in, Activities.touchesByContact(in.activities())).cache();
        byContact = Rows.by(items.filter("rule <> 'thank_you_24h' OR contact_id IS NULL"), "rule", "contact_id");
    }

    private static Row interview(String anchor) {
        List<Row> r = items.filter("rule = 'thank_you_24h' AND anchor_event_id = '" + anchor + "'").collectAsList();
        assertEquals(1, r.size(), anchor);
        return r.get(0);
    }

    private static void assertItem(Row r, String status, String dueOn, Integer daysOverdue, String resolvedBy) {
        assertEquals(status, r.getAs("status"), r.toString());
        assertEquals(dueOn == null ? null : LocalDate.parse(dueOn), r.getAs("due_on"), r.toString());
        assertEquals(daysOverdue, r.getAs("days_overdue"), r.toString());
        assertEquals(resolvedBy, r.getAs("resolved_by_event_id"), r.toString());
    }

    @Test
    void thankYouWithin24Hours() {
        assertItem(interview("I1"), "met", "2026-03-03", null, "T1");
        assertItem(interview("I2"), "missed", "2026-03-03", 7, null);
        assertItem(interview("I3"), "met", "2026-03-03", null, "T3");
        assertItem(interview("I4"), "missed", "2026-03-03", 7, null);
        assertItem(interview("I5"), "pending", "2026-03-11", null, null);
        assertItem(interview("I6"), "met", "2026-03-08", null, "T6");
        assertItem(interview("I7"), "missed", "2026-03-08", 2, null);
        assertItem(interview("I8"), "unevaluable", "2026-03-03", null, null);
        assertItem(interview("I9"), "missed", "2026-03-03", 7, null);
        assertItem(interview("I11"), "met", "2026-03-06", null, "T11b");
        assertEquals(0, items.filter("anchor_event_id = 'I10'").count(), "a no-show interview did not happen");
        assertNull(interview("I1").getAs("due_soon"));
        assertNull(interview("I1").getAs("catch_up_priority"));
    }

    @Test
    void eventFollowUpWithin72Hours() {
        assertItem(byContact.get("event_follow_up_72h|L1"), "met", "2026-03-04", null, "R1");
        assertItem(byContact.get("event_follow_up_72h|L2"), "missed", "2026-03-04", 6, null);
        assertItem(byContact.get("event_follow_up_72h|L3"), "pending", "2026-03-11", null, null);
        assertItem(byContact.get("event_follow_up_72h|L4"), "unevaluable", null, null, null);
        assertItem(byContact.get("event_follow_up_72h|L6"), "met", "2026-03-04", null, "R6");
        assertFalse(byContact.containsKey("event_follow_up_72h|L5"));
        assertEquals("F1", byContact.get("event_follow_up_72h|L1").getAs("anchor_event_id"));
    }

    @Test
    void keepWarm() {
        Row w1 = byContact.get("keep_warm|W1"); // mentor: 30 days from 02-08 -> due 03-10, 30 of 30 days elapsed
        assertItem(w1, "met", "2026-03-10", null, "U1");
        assertEquals(true, w1.getAs("due_soon"));
        assertEquals(0.0, (double) w1.getAs("catch_up_priority"), 1e-9);
        Row w2 = byContact.get("keep_warm|W2"); // priority: 60 days from added 12-01 -> due 01-30; 99 days elapsed
        assertItem(w2, "missed", "2026-01-30", 39, null);
        assertEquals(0.65, (double) w2.getAs("catch_up_priority"), 1e-9, "(99 - 60) / 60");
        assertEquals(false, w2.getAs("due_soon"));
        Row w3 = byContact.get("keep_warm|W3"); // cadence_days 10 overrides: due 03-15, 5 of 10 days elapsed
        assertItem(w3, "met", "2026-03-15", null, "U3");
        assertEquals(false, w3.getAs("due_soon"));
        Row w4 = byContact.get("keep_warm|W4"); // mentor and priority: the mentor's 30 days; 54 days elapsed
        assertItem(w4, "missed", "2026-02-14", 24, null);
        assertEquals(0.8, (double) w4.getAs("catch_up_priority"), 1e-9);
        assertFalse(byContact.containsKey("keep_warm|W5"), "archived");
        assertItem(byContact.get("keep_warm|W6"), "met", "2026-07-08", null, "U6");
        // the latest of K11's touches (12:00 and 18:00 the same day) is the one keeping it warm
        assertItem(byContact.get("keep_warm|K11"), "met", "2026-07-03", null, "T11");
        Row w7 = byContact.get("keep_warm|W7"); // the touch after D does not count: 160 days since added
        assertItem(w7, "missed", "2026-01-29", 40, null);
        assertEquals(40.0 / 120, (double) w7.getAs("catch_up_priority"), 1e-9);
    }

    @Test
    void nextContact() {
        assertItem(byContact.get("next_contact|N1"), "met", "2026-03-05", null, "V1");
        assertItem(byContact.get("next_contact|N2"), "missed", "2026-03-05", 5, null);
        assertItem(byContact.get("next_contact|N3"), "pending", "2026-03-08", null, null);
        assertItem(byContact.get("next_contact|N4"), "missed", "2026-03-07", 3, null);
        assertFalse(byContact.containsKey("next_contact|N5"));
        assertFalse(byContact.containsKey("next_contact|N6"));
    }

    @Test
    void monthlyComplianceCountsItemsInTheirDueMonth() {
        Dataset<Row> monthly = FollowUpRollups.monthly(items, items.limit(0).withColumn("month", items.col("due_on")));
        Map<String, Row> m = Rows.by(monthly, "rule", "month");
        // thank-you items due in March: met I1 I3 I6 I11, missed I2 I4 I7 I9, pending I5, unevaluable I8;
        // I12 (02-20) is due 02-21 and missed
        Row mar = m.get("thank_you_24h|2026-03-01");
        assertEquals(List.of(4L, 4L, 1L, 1L), List.of((long) mar.getAs("met"), (long) mar.getAs("missed"),
                (long) mar.getAs("pending"), (long) mar.getAs("unevaluable")));
        assertEquals(0.5, (double) mar.getAs("compliance"), 1e-9);
        Row feb = m.get("thank_you_24h|2026-02-01");
        assertEquals(0.0, (double) feb.getAs("compliance"), 1e-9);
        // event follow-up in March: L1 and L6 met, L2 missed, L3 pending; L4 (unknown event) has no due date
        Row fairs = m.get("event_follow_up_72h|2026-03-01");
        assertEquals(List.of(2L, 1L, 1L, 0L), List.of((long) fairs.getAs("met"), (long) fairs.getAs("missed"),
                (long) fairs.getAs("pending"), (long) fairs.getAs("unevaluable")));
        assertEquals(2.0 / 3, (double) fairs.getAs("compliance"), 1e-9);
    }

    @Test
    void actionListOrdersMostUrgentFirst() {
        TestData t = new TestData("o", "America/New_York");
        t.student("S", "masters", "2025-09-01").set("counselor_id", "C9");
        Dataset<Row> students = t.inputs(spark, "2026-03-10").students();
        Dataset<Row> contacts = t.inputs(spark, "2026-03-10").contacts();
        List<Row> list = FollowUpRollups.actionList(items, students, contacts, LocalDate.parse("2026-03-10"), 14)
                .orderBy("rank").collectAsList();
        // window items missed and due in 02-25..03-10: I2, I4, I9 (7 days), L2 (6), I7 (2); I12 (due 02-21) is left out.
        // next_contact missed: N2 (5), N4 (3). keep_warm missed: W4 0.8, W2 0.65, W7 0.333 and the K/L/N contacts
        // are all met (recently added). Urgency: days overdue for the former, catch_up_priority for keep_warm.
        List<String> order = list.stream().map(r -> r.<String>getAs("rule") + ":" + r.<String>getAs("contact_id")).toList();
        assertEquals(List.of("thank_you_24h:K2", "thank_you_24h:K4", "thank_you_24h:K9", "event_follow_up_72h:L2",
                "next_contact:N2", "next_contact:N4", "thank_you_24h:K7", "keep_warm:W4", "keep_warm:W2", "keep_warm:W7"),
                order);
        assertEquals(1, (int) list.get(0).getAs("rank"));
        assertEquals(10, (int) list.get(9).getAs("rank"));
        assertEquals("C9", list.get(0).getAs("counselor_id"));
        assertEquals(7, (int) list.get(0).getAs("days_overdue"));
        assertEquals(0.8, (double) list.get(7).getAs("catch_up_priority"), 1e-9);
    }
}
