package io.careerlens.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small hand-made set of metric tables for two offices: big (12 students) and tiny (3 students). */
final class ReportFixtures {
    static final LocalDate D = LocalDate.of(2026, 3, 10);
    static final OfficeInfo BIG = new OfficeInfo("big", "Big Campus", "UTC", LocalDate.of(2026, 3, 9));
    static final OfficeInfo TINY = new OfficeInfo("tiny", "Tiny Campus", "Europe/Paris", LocalDate.of(2026, 3, 1));

    private ReportFixtures() {
    }

    static ColumnSpec c(String name, Kind kind) {
        return new ColumnSpec(name, name, kind);
    }

    static Table table(String name, List<ColumnSpec> cols, Object[]... rows) {
        List<List<Object>> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(Arrays.asList(r));
        }
        return new Table(name, cols, list);
    }

    static LocalDate m(int month) {
        return LocalDate.of(2026, month, 1);
    }

    static Map<String, Table> systemTables() {
        Map<String, Table> t = new LinkedHashMap<>();
        t.put("network_growth_monthly", table("network_growth_monthly", List.of(c("office_id", Kind.TEXT), c("month", Kind.MONTH),
                c("contacts_added", Kind.INT), c("network_size", Kind.INT), c("active_contacts", Kind.INT), c("growth_rate", Kind.RATE)),
                new Object[] {"big", m(2), 10L, 40L, 20L, null}, new Object[] {"big", m(3), 6L, 46L, 25L, 0.15},
                new Object[] {"tiny", m(2), 2L, 5L, 1L, null}, new Object[] {"tiny", m(3), 1L, 6L, 2L, 0.2}));
        t.put("network_office", table("network_office", List.of(c("office_id", Kind.TEXT), c("students", Kind.INT),
                c("median_network_size", Kind.DECIMAL)), new Object[] {"big", 12L, 4.5}, new Object[] {"tiny", 3L, 2.0}));
        t.put("event_yield", table("event_yield", List.of(c("office_id", Kind.TEXT), c("event_type", Kind.TEXT),
                c("events_attended", Kind.INT), c("contacts_per_event", Kind.DECIMAL)),
                new Object[] {"big", "career_fair", 3L, 2.5}, new Object[] {"tiny", "mixer", 1L, 1.0}));
        t.put("stage_funnel", table("stage_funnel", List.of(c("office_id", Kind.TEXT), c("cohort", Kind.TEXT),
                c("program", Kind.TEXT), c("students", Kind.INT), c("reached_exposure", Kind.INT), c("reached_immersion", Kind.INT),
                c("reached_connection", Kind.INT), c("at_none", Kind.INT), c("at_exposure", Kind.INT), c("at_immersion", Kind.INT),
                c("at_connection", Kind.INT), c("median_days_to_exposure", Kind.DECIMAL)),
                new Object[] {"big", "2025", "masters", 12L, 10L, 6L, 3L, 2L, 4L, 3L, 3L, 30.0},
                new Object[] {"tiny", "2025", "phd", 3L, 3L, 1L, 0L, 0L, 2L, 1L, 0L, 12.0}));
        t.put("activities_by_year_stage", table("activities_by_year_stage", List.of(c("office_id", Kind.TEXT),
                c("year_in_program", Kind.INT), c("stage", Kind.TEXT), c("activities", Kind.INT), c("students", Kind.INT)),
                new Object[] {"big", 1, "exposure", 40L, 10L}, new Object[] {"big", 1, "immersion", 12L, 6L},
                new Object[] {"tiny", 1, "exposure", 5L, 3L}));
        t.put("followup_compliance_monthly", table("followup_compliance_monthly", List.of(c("office_id", Kind.TEXT),
                c("rule", Kind.TEXT), c("month", Kind.MONTH), c("met", Kind.INT), c("missed", Kind.INT), c("pending", Kind.INT),
                c("unevaluable", Kind.INT), c("compliance", Kind.RATE)),
                new Object[] {"big", "thank_you_24h", m(2), 3L, 1L, 0L, 0L, 0.75}, new Object[] {"big", "thank_you_24h", m(3), 1L, 1L, 1L, 0L, 0.5},
                new Object[] {"tiny", "thank_you_24h", m(3), 1L, 0L, 0L, 0L, 1.0}));
        t.put("data_quality", table("data_quality", List.of(c("office_id", Kind.TEXT), c("export_date", Kind.DATE),
                c("file", Kind.TEXT), c("rows_read", Kind.INT), c("status", Kind.TEXT)),
                new Object[] {"big", LocalDate.of(2026, 3, 9), "big/2026-03-09/events.csv", 100L, "ingested"}));
        t.put("data_quality_office", table("data_quality_office", List.of(c("office_id", Kind.TEXT),
                c("latest_export_date", Kind.DATE), c("students", Kind.INT), c("orphan_events", Kind.INT)),
                new Object[] {"big", LocalDate.of(2026, 3, 9), 12L, 0L}, new Object[] {"tiny", LocalDate.of(2026, 3, 1), 3L, 1L}));
        t.put("student_nudges", table("student_nudges", List.of(c("office_id", Kind.TEXT), c("students", Kind.INT),
                c("stalled", Kind.INT), c("inactive", Kind.INT), c("overcommitted", Kind.INT),
                c("interviews_without_immersion", Kind.INT)),
                new Object[] {"big", 12L, 2L, 3L, 0L, 1L}, new Object[] {"tiny", 3L, 1L, 1L, 0L, 1L}));
        t.put("action_list_size", table("action_list_size", List.of(c("office_id", Kind.TEXT), c("items", Kind.INT)),
                new Object[] {"big", 2L}, new Object[] {"tiny", 1L}));
        return t;
    }

    static Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("rules.thank_you_window_hours", 24);
        return p;
    }

    static ReportInput system() {
        return new ReportInput(D, null, List.of(BIG, TINY), systemTables(), params(), 5, 0.8, 0.5);
    }

    static ReportInput office(Iterable<List<Object>> worklistRows) {
        Map<String, Table> t = new LinkedHashMap<>();
        systemTables().forEach((n, table) -> t.put(n, table.where("office_id", "big")));
        t.put("stage_entries_monthly", table("stage_entries_monthly", List.of(c("cohort", Kind.TEXT), c("month", Kind.MONTH),
                c("entered_exposure", Kind.INT)), new Object[] {"2025", m(2), 4L}));
        t.put("followup_by_counselor", table("followup_by_counselor", List.of(c("counselor_id", Kind.TEXT), c("rule", Kind.TEXT),
                c("met", Kind.INT), c("compliance", Kind.RATE)), new Object[] {"C1", "keep_warm", 3L, 0.3}));
        t.put("followup_by_cohort", table("followup_by_cohort", List.of(c("cohort", Kind.TEXT), c("rule", Kind.TEXT),
                c("compliance", Kind.RATE)), new Object[] {"2025", "keep_warm", 0.9}));
        t.put("student_network", table("student_network", List.of(c("student_id", Kind.TEXT), c("network_size", Kind.INT),
                c("weekly_consistency", Kind.RATE)), new Object[] {"S0001", 4L, 0.25}));
        t.put("student_stage", table("student_stage", List.of(c("student_id", Kind.TEXT), c("current_stage", Kind.TEXT),
                c("exposure_on", Kind.DATE), c("stalled", Kind.BOOL)), new Object[] {"S0001", "exposure", LocalDate.of(2025, 10, 1), true}));
        t.put("counselor_caseload", table("counselor_caseload", List.of(c("counselor_id", Kind.TEXT), c("students", Kind.INT),
                c("stalled", Kind.INT), c("to_follow_up", Kind.INT), c("backlog", Kind.INT),
                c("compliance_keep_warm", Kind.RATE)), new Object[] {"C1", 7L, 1L, 1L, 1L, 0.4}));
        t.put("stage_funnel_by_department", table("stage_funnel_by_department", List.of(c("office_id", Kind.TEXT),
                c("department", Kind.TEXT), c("students", Kind.INT), c("reached_exposure", Kind.INT), c("stalled", Kind.INT)),
                new Object[] {"big", "Biology", 7L, 6L, 1L}, new Object[] {"big", null, 5L, 4L, 1L}));
        t.put("followup_by_student", table("followup_by_student", List.of(c("office_id", Kind.TEXT), c("student_id", Kind.TEXT),
                c("rule", Kind.TEXT), c("met", Kind.INT), c("missed", Kind.INT), c("compliance", Kind.RATE)),
                new Object[] {"big", "S0001", "keep_warm", 1L, 3L, 0.25}));
        t.put("rejected_lines", table("rejected_lines", List.of(c("office_id", Kind.TEXT), c("export_date", Kind.DATE),
                c("file", Kind.TEXT), c("reason", Kind.TEXT), c("rejected", Kind.INT), c("first_lines", Kind.TEXT),
                c("first_detail", Kind.TEXT), c("what_to_fix", Kind.TEXT)),
                new Object[] {"big", LocalDate.of(2026, 3, 9), "big/2026-03-09/events.csv", "bad_date", 2L, "4, 9",
                    "occurred_on: '2026-13-01'", "a date is not YYYY-MM-DD. Fix the date."}));
        t.put("worklist", new Table("worklist", List.of(c("office_id", Kind.TEXT), c("priority", Kind.INT),
                c("counselor_id", Kind.TEXT), c("student_id", Kind.TEXT), c("contact", Kind.TEXT), c("organization", Kind.TEXT),
                c("relationship", Kind.TEXT), c("last_touch_on", Kind.DATE), c("reasons", Kind.TEXT), c("open_items", Kind.INT),
                c("due_on", Kind.DATE), c("days_overdue", Kind.INT), c("backlog", Kind.BOOL), c("contact_id", Kind.TEXT)),
                worklistRows));
        return new ReportInput(D, BIG, List.of(BIG, TINY), t, params(), 5, 0.8, 0.5);
    }

    /** big's worklist: two rows to work (one with a formula-like label), one in the backlog. */
    static List<List<Object>> actions() {
        return List.of(
                Arrays.asList("big", 1, "C1", "S0001", "=HYPERLINK(\"http://evil\")", "Acme", "mentor", LocalDate.of(2025, 12, 1),
                        "keep warm: no touch within the cadence (due 2026-02-01)", 1L, LocalDate.of(2026, 2, 1), 37L, false,
                        "S0001-C1"),
                Arrays.asList("big", 1, "C2", "S0002", "Globex S0002-C2", "Globex", "peer", null,
                        "planned next contact not made (due 2026-03-01)", 1L, LocalDate.of(2026, 3, 1), 9L, false, "S0002-C2"),
                Arrays.asList("big", 1, "C1", "S0003", "Initech #a1b2c3", "Initech", "alumni", LocalDate.of(2025, 6, 1),
                        "keep warm: no touch within the cadence (due 2025-10-01); planned next contact not made (due 2025-11-02)",
                        2L, LocalDate.of(2025, 10, 1), 160L, true, "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"));
    }
}
