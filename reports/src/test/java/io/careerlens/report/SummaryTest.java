package io.careerlens.report;

import static io.careerlens.report.ReportFixtures.c;
import static io.careerlens.report.ReportFixtures.m;
import static io.careerlens.report.ReportFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Summary compares complete months, shows changes of rates in points and every rate with its n. Figures by hand. */
class SummaryTest {
    private static final Object X = Suppression.SUPPRESSED;

    /** big: thank-you 2 of 4 met in January, 3 of 4 in February, 1 of 2 so far in March (D = 10 March). */
    private static Map<String, Table> tables() {
        Map<String, Table> t = new LinkedHashMap<>(ReportFixtures.systemTables());
        t.put("followup_compliance_monthly", table("followup_compliance_monthly", List.of(c("office_id", Kind.TEXT),
                        c("rule", Kind.TEXT), c("month", Kind.MONTH), c("met", Kind.INT), c("missed", Kind.INT),
                        c("students", Kind.INT), c("compliance", Kind.RATE)),
                new Object[] {"big", "thank_you_24h", m(1), 2L, 2L, 6L, 0.5},
                new Object[] {"big", "thank_you_24h", m(2), 3L, 1L, 6L, 0.75},
                new Object[] {"big", "thank_you_24h", m(3), 1L, 1L, 6L, 0.5},
                new Object[] {"tiny", "thank_you_24h", m(2), 1L, 0L, 1L, 1.0}));
        t.put("network_growth_monthly", table("network_growth_monthly", List.of(c("office_id", Kind.TEXT), c("month", Kind.MONTH),
                        c("contacts_added", Kind.INT), c("network_size", Kind.INT), c("active_contacts", Kind.INT)),
                new Object[] {"big", m(1), 4L, 30L, 15L}, new Object[] {"big", m(2), 10L, 40L, 20L},
                new Object[] {"big", m(3), 6L, 46L, 25L}));
        return t;
    }

    private static SummaryRow row(List<SummaryRow> rows, String label) {
        return rows.stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    @Test
    void theLastCompleteMonthIsTheOneBeforeDsUnlessDEndsIt() {
        assertEquals(m(2), Summary.lastCompleteMonth(LocalDate.of(2026, 3, 10)));
        assertEquals(m(3), Summary.lastCompleteMonth(LocalDate.of(2026, 3, 31)));
        assertEquals(m(2), Summary.lastCompleteMonth(LocalDate.of(2026, 2, 28)), "2026 is not a leap year");
        assertTrue(Summary.partial(LocalDate.of(2028, 2, 28)), "2028 is");
        assertFalse(Summary.partial(LocalDate.of(2028, 2, 29)));
    }

    @Test
    void anOfficeComparesFebruaryWithJanuaryAndShowsMarchSoFarApart() {
        ReportInput big = new ReportInput(ReportFixtures.D, ReportFixtures.BIG, List.of(ReportFixtures.BIG), tables(),
                ReportFixtures.params(), 5, 0.8, 0.5);
        List<String> headers = Summary.officeMonthHeaders(ReportFixtures.D, false);
        assertEquals(List.of("Figure", "January 2026", "February 2026", "Change (Feb 26 vs Jan 26)",
                "March 2026 to date (partial, to 2026-03-10)"), headers.subList(0, 5));
        assertEquals(List.of("Mar 25", "Feb 26"), List.of(headers.get(5), headers.get(16)), "12 complete months of trend");

        List<SummaryRow> rows = Summary.forOffice(big, "big", null);
        SummaryRow added = row(rows, "Contacts added in the month");
        assertEquals(List.of(4L, 10L, 6.0, 6L), List.of(added.value(0), added.value(1), added.value(2), added.value(3)));
        assertEquals(Kind.SIGNED, added.cells().get(2).kind());

        SummaryRow thanks = row(rows, Summary.RULE_NAMES.get("thank_you_24h"));
        assertEquals(0.5, (double) thanks.value(0), 1e-9);
        assertEquals(0.75, (double) thanks.value(1), 1e-9);
        assertEquals(25.0, (double) thanks.value(2), 1e-9, "+25 percentage points, not +50%");
        assertEquals(Kind.POINTS, thanks.cells().get(2).kind());
        assertEquals(0.5, (double) thanks.value(3), 1e-9, "March so far");
        assertEquals(SummaryRow.Status.WARN, thanks.cells().get(1).status(), "75% is between 50% and 80%");
        assertEquals(0.75, (double) thanks.value(15), 1e-9, "the trend (cells 4..15) ends with February");
        assertEquals(0.5, (double) thanks.value(14), 1e-9, "January");
        assertNull(thanks.value(4), "March 2025: nothing judged");

        SummaryRow judged = rows.get(rows.indexOf(thanks) + 1);
        assertEquals(Summary.JUDGED, judged.label());
        assertEquals(List.of(4L, 4L, 0.0, 2L), List.of(judged.value(0), judged.value(1), judged.value(2), judged.value(3)));

        SummaryRow keepWarm = row(rows, Summary.RULE_NAMES.get("keep_warm") + Summary.NO_ITEMS);
        assertNull(keepWarm.value(1), "no item judged: blank, not 0%");
        assertEquals(SummaryRow.Status.NONE, keepWarm.cells().get(1).status(), "an empty rate is not red");
    }

    @Test
    void allOfficesArePooledFromTheFiguresShownOnly() {
        ReportInput system = Suppression.publish(new ReportInput(ReportFixtures.D, null,
                List.of(ReportFixtures.BIG, ReportFixtures.TINY), tables(), ReportFixtures.params(), 5, 0.8, 0.5));
        List<SummaryRow> feb = Summary.sideBySide(system, m(2), true);
        SummaryRow thanks = row(feb, Summary.RULE_NAMES.get("thank_you_24h"));
        assertEquals(0.75, (double) thanks.value(0), 1e-9);
        assertSame(X, thanks.value(1), "tiny has 3 students");
        assertEquals(0.75, (double) thanks.value(2), 1e-9, "pooled without tiny's hidden 1 of 1");
        SummaryRow change = feb.get(feb.indexOf(thanks) + 1);
        assertEquals("   change against January 2026", change.label());
        assertEquals(25.0, (double) change.value(0), 1e-9);
        SummaryRow judged = feb.get(feb.indexOf(thanks) + 2);
        assertEquals(Summary.JUDGED, judged.label());
        assertEquals(List.of(4L, X, 4L), List.of(judged.value(0), judged.value(1), judged.value(2)));
        assertEquals(Summary.RULE_NAMES.get("event_follow_up_72h"), feb.get(feb.indexOf(judged) + 1).label(),
                "no change row under a count of items judged");

        List<SummaryRow> now = Summary.snapshotSideBySide(system, tables().get("stage_funnel"));
        SummaryRow stalled = row(now, "Stalled: more than 270 days in Exposure or Immersion (share of students)");
        assertEquals(2.0 / 12, (double) stalled.value(0), 1e-9);
        assertSame(X, stalled.value(1));
        assertEquals(2.0 / 12, (double) stalled.value(2), 1e-9);
        SummaryRow nudge = row(now, "Still in Exposure despite informational interviews (needs immersion) (share of students)");
        assertEquals(1.0 / 12, (double) nudge.value(0), 1e-9);
        assertEquals(12L, row(now, "Students").value(2), "all offices: the students shown");
    }

    @Test
    void anOfficeWithNoStudentsYetHasTheSameRowsAsTheOthers() {
        OfficeInfo empty = new OfficeInfo("new", "New Campus", "UTC", null);
        ReportInput system = Suppression.publish(new ReportInput(ReportFixtures.D, null,
                List.of(ReportFixtures.BIG, empty), tables(), ReportFixtures.params(), 5, 0.8, 0.5));
        List<SummaryRow> now = Summary.snapshotSideBySide(system, tables().get("stage_funnel"));
        for (SummaryRow r : now) {
            assertEquals(3, r.cells().size(), r.label());
        }
        assertSame(X, row(now, "Students").value(1), "0 students is under the threshold too");
    }

    private static ReportInput bigOnly(int smallCell) {
        Map<String, Table> t = new LinkedHashMap<>();
        tables().forEach((n, table) -> t.put(n, table.where("office_id", "big")));
        return new ReportInput(ReportFixtures.D, ReportFixtures.BIG, List.of(ReportFixtures.BIG, ReportFixtures.TINY), t,
                ReportFixtures.params(), smallCell, 0.8, 0.5);
    }

    @Test
    void anOfficeSeesTheSystemsFigureBesideItsOwn() {
        ReportInput raw = new ReportInput(ReportFixtures.D, null, List.of(ReportFixtures.BIG, ReportFixtures.TINY), tables(),
                ReportFixtures.params(), 1, 0.8, 0.5);
        assertEquals("All offices, February 2026 (vs. system)", Summary.officeMonthHeaders(ReportFixtures.D, true).get(4));
        List<SummaryRow> rows = Summary.forOffice(bigOnly(1), "big", Suppression.publish(raw));
        SummaryRow thanks = row(rows, Summary.RULE_NAMES.get("thank_you_24h"));
        assertEquals(0.75, (double) thanks.value(1), 1e-9, "big in February: 3 of 4");
        assertEquals(0.8, (double) thanks.value(3), 1e-9, "all offices in February: big 3 of 4 and tiny 1 of 1");
        assertEquals(SummaryRow.Status.GOOD, thanks.cells().get(3).status());
        assertEquals(0.5, (double) thanks.value(4), 1e-9, "March so far follows");
        assertEquals(5L, rows.get(rows.indexOf(thanks) + 1).value(3), "the system's n");
        assertEquals(10L, row(rows, "Contacts added in the month").value(3));

        List<SummaryRow> now = Summary.officeSnapshot(bigOnly(1), "big", raw);
        assertEquals(List.of(12L, 15L), List.of(row(now, "Students").value(0), row(now, "Students").value(2)));
        SummaryRow exposure = row(now, "In Exposure");
        assertEquals(4.0 / 12, (double) exposure.value(1), 1e-9);
        assertEquals(6.0 / 15, (double) exposure.value(2), 1e-9, "big 4 and tiny 2 of 15 students");
        SummaryRow immersion = row(now, "Reached Immersion (ever)");
        assertEquals(6L, immersion.value(0));
        assertEquals(7.0 / 15, (double) immersion.value(2), 1e-9);

        ReportInput suppressed = new ReportInput(ReportFixtures.D, null, List.of(ReportFixtures.BIG, ReportFixtures.TINY),
                tables(), ReportFixtures.params(), 5, 0.8, 0.5);
        List<SummaryRow> hidden = Summary.officeSnapshot(bigOnly(5), "big", suppressed);
        assertEquals(12L, row(hidden, "Students").value(2), "tiny (3 students) is left out, as the all-offices workbook does");
        assertEquals(4.0 / 12, (double) row(hidden, "In Exposure").value(2), 1e-9);
        assertEquals(0.75, (double) row(Summary.forOffice(bigOnly(5), "big", Suppression.publish(suppressed)),
                Summary.RULE_NAMES.get("thank_you_24h")).value(3), 1e-9, "tiny's hidden 1 of 1 is not pooled");
    }
}
