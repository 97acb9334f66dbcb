package io.careerlens.report;

import static io.careerlens.report.ReportFixtures.c;
import static io.careerlens.report.ReportFixtures.m;
import static io.careerlens.report.ReportFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/**
 * Small-cell suppression of the all-offices workbook (threshold 5): what is hidden, and that no
 * hidden value can be recomputed from what is shown.
 */
class SuppressionTest {
    private static final Object X = Suppression.SUPPRESSED;

    private static List<Object> row(Table t, int i) {
        int n = 0;
        for (List<Object> r : t.rows()) {
            if (n++ == i) {
                return r;
            }
        }
        throw new AssertionError("no row " + i);
    }

    private static ReportInput system(Table... extra) {
        Map<String, Table> t = new LinkedHashMap<>(ReportFixtures.systemTables());
        for (Table e : extra) {
            t.put(e.name(), e);
        }
        return new ReportInput(ReportFixtures.D, null, List.of(ReportFixtures.BIG, ReportFixtures.TINY), t,
                ReportFixtures.params(), 5, 0.8, 0.5);
    }

    @Test
    void aRateIsJudgedByTheStudentsBehindItsItemsNotByTheOfficeSize() {
        // big has 12 students, but March's thank-you items belong to one student: 100% of 1 student is hidden
        Table compliance = table("followup_compliance_monthly", List.of(c("office_id", Kind.TEXT), c("rule", Kind.TEXT),
                        c("month", Kind.MONTH), c("met", Kind.INT), c("missed", Kind.INT), c("students", Kind.INT),
                        c("compliance", Kind.RATE)),
                new Object[] {"big", "thank_you_24h", m(2), 6L, 2L, 7L, 0.75},
                new Object[] {"big", "thank_you_24h", m(3), 2L, 0L, 1L, 1.0});
        Table t = Suppression.publish(system(compliance)).table("followup_compliance_monthly");
        assertEquals(List.of("big", "thank_you_24h", m(2), 6L, 2L, 7L, 0.75), row(t, 0));
        assertEquals(List.of("big", "thank_you_24h", m(3), X, X, X, X), row(t, 1));
        // the summary's March compliance for big and its change against February are hidden too, and the
        // pooled column (tiny has no items) does not give it back
        List<SummaryRow> summary = Summary.sideBySide(Suppression.publish(system(compliance)), m(3), true);
        SummaryRow rate = summary.stream().filter(r -> r.label().equals(Summary.RULE_NAMES.get("thank_you_24h")))
                .findFirst().orElseThrow();
        assertSame(X, rate.value(0));
        SummaryRow change = summary.get(summary.indexOf(rate) + 1);
        assertSame(X, change.value(0));
        org.junit.jupiter.api.Assertions.assertNull(rate.value(2), "all offices pooled from the figures shown: none");
    }

    @Test
    void rowNamesStayAndPooledChartsUseOnlyPublishedCells() {
        // activities: big year 1 exposure 40 (10 students), tiny year 1 exposure 5 (3 students: hidden)
        ReportInput published = Suppression.publish(ReportFixtures.system());
        Table activities = published.table("activities_by_year_stage");
        assertEquals(List.of("tiny", 1, "exposure", X, X), row(activities, 2), "the year stays, its figures go");
        CategoryDataset ds = ((CategoryPlot) Charts.all(ReportFixtures.system(), "all offices").get(Charts.ACTIVITIES)
                .getPlot()).getDataset();
        assertEquals(40.0, ds.getValue("Exposure", "Year 1").doubleValue(), 1e-9,
                "45 would give back tiny's 5 as the bar minus big's visible 40");
    }

    @Test
    void mediansAreJudgedByTheStudentsWhoReachedTheStageAndShowTheMarkEvenWhenEmpty() {
        Table funnel = table("stage_funnel", List.of(c("office_id", Kind.TEXT), c("cohort", Kind.TEXT), c("program", Kind.TEXT),
                        c("students", Kind.INT), c("reached_exposure", Kind.INT), c("reached_connection", Kind.INT),
                        c("median_days_to_exposure", Kind.DECIMAL), c("median_days_to_connection", Kind.DECIMAL)),
                new Object[] {"big", "2025", "masters", 12L, 10L, 3L, 30.0, 200.0},
                new Object[] {"big", "2024", "masters", 9L, 9L, 0L, 20.0, null});
        Table t = Suppression.publish(system(funnel)).table("stage_funnel");
        assertEquals(List.of("big", "2025", "masters", 12L, 10L, 3L, 30.0, X), row(t, 0), "median of 3 students");
        assertEquals(List.of("big", "2024", "masters", 9L, 9L, 0L, 20.0, X), row(t, 1),
                "nobody reached connection: <5, not a blank that says so");
    }

    @Test
    void aLoneSuppressedGroupOfAnOfficeTakesTheNextSmallestWithIt() {
        // big's 12 students (published on the Summary) split 3 + 4 + 5 would give back the 3 as 12 - 4 - 5
        Table funnel = table("stage_funnel", List.of(c("office_id", Kind.TEXT), c("cohort", Kind.TEXT), c("program", Kind.TEXT),
                        c("students", Kind.INT), c("at_exposure", Kind.INT)),
                new Object[] {"big", "2023", "phd", 5L, 2L},
                new Object[] {"big", "2024", "phd", 3L, 1L},
                new Object[] {"big", "2025", "phd", 6L, 4L});
        Table t = Suppression.publish(system(funnel)).table("stage_funnel");
        assertEquals(List.of("big", "2023", "phd", X, X), row(t, 0), "the complement: the smallest visible group");
        assertEquals(List.of("big", "2024", "phd", X, X), row(t, 1));
        assertEquals(List.of("big", "2025", "phd", 6L, 4L), row(t, 2));
    }

    @Test
    void officeSharesCoverAllTheOfficesStudentsWhenItsGroupsAreHidden() {
        // big: 3 + 9 students; the 3 is hidden and takes the 9 with it, yet big's 12 students are one population
        Table funnel = table("stage_funnel", List.of(c("office_id", Kind.TEXT), c("cohort", Kind.TEXT), c("program", Kind.TEXT),
                        c("students", Kind.INT), c("at_none", Kind.INT), c("at_exposure", Kind.INT), c("at_immersion", Kind.INT),
                        c("at_connection", Kind.INT), c("reached_exposure", Kind.INT), c("reached_immersion", Kind.INT),
                        c("reached_connection", Kind.INT)),
                new Object[] {"big", "2024", "phd", 3L, 0L, 3L, 0L, 0L, 3L, 0L, 0L},
                new Object[] {"big", "2025", "phd", 9L, 1L, 3L, 3L, 2L, 8L, 5L, 2L});
        ReportInput raw = system(funnel);
        List<SummaryRow> summary = Summary.snapshotSideBySide(Suppression.publish(raw), raw.table("stage_funnel"));
        SummaryRow exposure = summary.stream().filter(r -> r.label().equals("In Exposure (share of students)"))
                .findFirst().orElseThrow();
        assertEquals(6.0 / 12, (double) exposure.value(0), 1e-9, "(3 + 3) of 12");
        SummaryRow reached = summary.stream().filter(r -> r.label().equals("Reached Exposure (ever) (share of students)"))
                .findFirst().orElseThrow();
        assertEquals(11.0 / 12, (double) reached.value(0), 1e-9, "(3 + 8) of 12, though both groups are hidden");
        assertEquals(List.of(X, X), row(Suppression.publish(raw).table("stage_funnel"), 1).subList(3, 5));
    }

    @Test
    void anOfficeWorkbookIsNotSuppressed() {
        ReportInput office = ReportFixtures.office(ReportFixtures.actions());
        assertSame(office, Suppression.publish(office));
    }
}
