package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.careerlens.testing.SparkTestSession;
import io.careerlens.testing.TestData;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 2.1, with every expected figure worked out by hand in the comments. */
class NetworkGrowthTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    /**
     * D = 2026-03-31. The 30 days ending at D start on 03-02, the 90 days on 2026-01-01, the 12
     * weeks (84 days) on 2026-01-07.
     */
    @Test
    void perStudentFigures() {
        TestData t = new TestData("o", "America/New_York");
        t.student("S1", "masters", "2025-09-01");
        t.student("S2", "phd", "2025-09-01");
        t.contact("C1", "S1", "2026-03-15", "mentor").set("likes", true).set("can_help", true).set("organization", "Acme")
                .set("inside_institution", true).set("source", "referral");
        t.contact("C2", "S1", "2026-03-01", "peer").set("organization", "acme ").set("inside_institution", false);
        t.contact("C3", "S1", "2026-02-01", "peer").set("status", "archived").set("organization", "Other");
        t.contact("C4", "S1", "2026-04-05", "peer"); // added after D
        t.contact("C5", "S1", "2025-12-01", "professional").set("referred_by", "C1");
        t.touch("E1", "S1", "2026-03-20T10:00", "coffee_chat", "C1"); // mutual by default
        t.touch("E2", "S1", "2025-12-15T10:00", "outreach", "C2").set("outcome", "accepted"); // outbound, 107 days ago
        t.touch("E3", "S1", "2026-01-01T10:00", "check_in", "C5").set("direction", "inbound"); // first of the 90 days
        t.touch("E4", "S1", "2026-03-10T10:00", "check_in", "C3").set("direction", "inbound"); // archived contact
        t.event("E5", "S1", "2026-02-10T10:00", "outreach").set("outcome", "declined");
        t.event("E6", "S1", "2026-02-11T10:00", "outreach"); // no outcome: not in the conversion
        t.event("E7", "S1", "2026-03-30T10:00", "career_fair").set("registered", true).set("checked_in", false);
        t.event("E8", "S1", "2026-03-25T10:00", "seminar").set("registered", true).set("checked_in", true);
        t.event("E9", "S1", "2026-04-02T10:00", "seminar"); // after D
        Map<String, Row> r = Rows.by(NetworkGrowth.perStudent(t.inputs(spark, "2026-03-31")), "student_id");

        Row s1 = r.get("S1");
        assertEquals(3L, (long) s1.getAs("network_size"), "C1, C2, C5: C3 archived, C4 added after D");
        assertEquals(1L, (long) s1.getAs("contacts_added_30d"), "C1 (03-15); C2 on 03-01 is the 31st day back");
        assertEquals(2L, (long) s1.getAs("active_contacts"), "C1 (03-20) and C5 (01-01, the first of the 90 days)");
        assertEquals(2L, (long) s1.getAs("reciprocal_contacts"), "C1 mutual coffee chat, C5 inbound; C2 only outbound");
        assertEquals(1L, (long) s1.getAs("priority_contacts"));
        assertEquals(1L, (long) s1.getAs("mentors"));
        assertEquals(2L, (long) s1.getAs("referral_contacts"), "C1 source referral, C5 referred_by");
        assertEquals(1L, (long) s1.getAs("distinct_organizations"), "'Acme' and 'acme ' are one organisation");
        assertEquals(0.5, (double) s1.getAs("inside_share"), 1e-9, "C1 inside, C2 not, C5 unknown");
        // activities in the 12 weeks: E8 03-25 (week 0), E1 03-20 (1), E4 03-10 (3), E6 02-11 (6), E5 02-10 (7);
        // E3 on 01-01 is 89 days back, outside the 84; E7 is a no-show
        assertEquals(5.0 / 12, (double) s1.getAs("weekly_consistency"), 1e-9);
        assertEquals(false, s1.getAs("overcommitted"));
        assertEquals(0.5, (double) s1.getAs("outreach_conversion"), 1e-9, "E2 accepted, E5 declined");
        assertEquals(0.5, (double) s1.getAs("no_show_rate"), 1e-9, "E7 no-show of E7, E8 registered");
        assertEquals(2025, (int) s1.getAs("cohort"));

        Row s2 = r.get("S2");
        assertEquals(0L, (long) s2.getAs("network_size"));
        assertEquals(0.0, (double) s2.getAs("weekly_consistency"));
        assertNull(s2.getAs("inside_share"));
        assertNull(s2.getAs("outreach_conversion"));
        assertNull(s2.getAs("no_show_rate"));
        assertEquals(false, s2.getAs("overcommitted"));
    }

    /** Organisations compare trimmed and without case in any alphabet, not only ASCII. */
    @Test
    void organisationsCompareWithoutCaseBeyondAscii() {
        TestData t = new TestData("o", "UTC");
        t.student("S1", "masters", "2025-09-01");
        t.contact("C1", "S1", "2026-01-10", "peer").set("organization", "Société Générale");
        t.contact("C2", "S1", "2026-01-11", "peer").set("organization", " SOCIÉTÉ GÉNÉRALE");
        t.contact("C3", "S1", "2026-01-12", "peer").set("organization", "Ørsted");
        t.contact("C4", "S1", "2026-01-13", "peer").set("organization", "ØRSTED");
        t.contact("C5", "S1", "2026-01-14", "peer").set("organization", "Societe Generale"); // no accents: another name
        Row s1 = Rows.by(NetworkGrowth.perStudent(t.inputs(spark, "2026-03-31")), "student_id").get("S1");
        assertEquals(3L, (long) s1.getAs("distinct_organizations"), "Société Générale, Ørsted, Societe Generale");
    }

    /** D = 2026-03-31: windows must end between 2026-01-01 and D. */
    @Test
    void overcommitment() {
        TestData t = new TestData("o", "UTC");
        for (String s : new String[] {"S3", "S4", "S5"}) {
            t.student(s, "masters", "2025-09-01");
        }
        for (int i = 0; i < 11; i++) {
            // S3: 11 contacts on 01-05 .. 01-15: the window ending 01-15 holds 11
            t.contact("A" + i, "S3", String.format("2026-01-%02d", 5 + i), "peer");
            // S4: 11 contacts on 2025-12-01 .. 12-11: the earliest window allowed, ending 01-01, starts 12-03 and holds 9
            t.contact("B" + i, "S4", String.format("2025-12-%02d", 1 + i), "peer");
        }
        for (int i = 0; i < 10; i++) {
            t.contact("C" + i, "S5", "2026-03-01", "peer"); // exactly 10 is not more than 10
        }
        Map<String, Row> r = Rows.by(NetworkGrowth.perStudent(t.inputs(spark, "2026-03-31")), "student_id");
        assertEquals(true, r.get("S3").getAs("overcommitted"));
        assertEquals(false, r.get("S4").getAs("overcommitted"));
        assertEquals(false, r.get("S5").getAs("overcommitted"));
    }

    /** D = 2026-03-15; months 2026-01 .. 2026-03, March ending at D. */
    @Test
    void perOfficeMonth() {
        TestData t = new TestData("m", "UTC");
        t.student("S", "masters", "2025-09-01");
        t.contact("A", "S", "2026-01-10", "peer");
        t.contact("B", "S", "2026-01-20", "peer").set("status", "archived");
        t.contact("C", "S", "2026-02-05", "peer");
        t.contact("D", "S", "2026-03-01", "peer");
        t.contact("E", "S", "2026-03-20", "peer"); // after D
        t.touch("T1", "S", "2026-01-15", "check_in", "A");
        t.touch("T2", "S", "2026-02-10", "check_in", "C");
        t.touch("T3", "S", "2026-01-25", "check_in", "B");
        Map<String, Row> r = Rows.by(NetworkGrowth.perOfficeMonth(t.inputs(spark, "2026-03-15")), "month");
        assertEquals(3, r.size());
        Row jan = r.get("2026-01-01");
        Row feb = r.get("2026-02-01");
        Row mar = r.get("2026-03-01");
        assertEquals(2L, (long) jan.getAs("contacts_added"), "A and B: archived ones count as added");
        assertEquals(1L, (long) jan.getAs("network_size"), "A; B is archived");
        assertNull(jan.getAs("growth_rate"), "first month");
        assertEquals(1L, (long) jan.getAs("active_contacts"), "A touched 01-15; B archived");
        assertEquals(1L, (long) feb.getAs("contacts_added"));
        assertEquals(2L, (long) feb.getAs("network_size"));
        assertEquals(1.0, (double) feb.getAs("growth_rate"), 1e-9, "1 added over January's 1");
        assertEquals(2L, (long) feb.getAs("active_contacts"), "A (01-15) and C (02-10) within 90 days of 02-28");
        assertEquals(1L, (long) mar.getAs("contacts_added"), "D; E comes after D");
        assertEquals(3L, (long) mar.getAs("network_size"));
        assertEquals(0.5, (double) mar.getAs("growth_rate"), 1e-9, "1 added over February's 2");
        assertEquals(2L, (long) mar.getAs("active_contacts"), "A and C within the 90 days ending at D");
    }

    @Test
    void eventYield() {
        TestData t = new TestData("y", "UTC");
        t.student("S", "masters", "2025-09-01");
        t.event("F1", "S", "2026-02-01", "career_fair").set("cards_given", 4).set("cards_collected", 2);
        t.event("F2", "S", "2026-02-02", "career_fair").set("cards_collected", 4);
        t.event("F3", "S", "2026-02-03", "career_fair").set("registered", true).set("checked_in", false);
        t.event("M1", "S", "2026-02-04", "mixer");
        for (int i = 0; i < 3; i++) {
            t.contact("K" + i, "S", "2026-02-05", "recruiter").set("source_event_id", "F1");
        }
        t.contact("K3", "S", "2026-02-05", "recruiter").set("source_event_id", "F2");
        t.contact("K4", "S", "2026-02-05", "recruiter").set("source_event_id", "F3");
        t.contact("K5", "S", "2026-02-05", "recruiter").set("source_event_id", "M1");
        t.contact("K6", "S", "2026-02-05", "recruiter").set("source_event_id", "X404");
        Map<String, Row> r = Rows.by(NetworkGrowth.eventYield(t.inputs(spark, "2026-03-01")), "event_type");
        Row fair = r.get("career_fair");
        assertEquals(2L, (long) fair.getAs("events_attended"), "F3 was a no-show");
        assertEquals(5L, (long) fair.getAs("contacts_sourced"), "3 from F1, 1 from F2, 1 from F3");
        assertEquals(2.5, (double) fair.getAs("contacts_per_event"), 1e-9);
        assertEquals(4.0, (double) fair.getAs("cards_given_per_event"), 1e-9, "only F1 records cards given");
        assertEquals(3.0, (double) fair.getAs("cards_collected_per_event"), 1e-9, "(2 + 4) / 2");
        assertEquals(1.0, (double) r.get("mixer").getAs("contacts_per_event"), 1e-9);
    }
}
