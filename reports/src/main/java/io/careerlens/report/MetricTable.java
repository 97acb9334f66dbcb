package io.careerlens.report;

import java.util.List;

/**
 * The metric tables of SPEC 2 and 3.2, one name in one place: the metrics step computes one table
 * per constant (an exhaustive switch there, so a new constant cannot be forgotten), the warehouse
 * stores it as {@code metric_<name>}, the CSV writer names its file after it, and the report step
 * and the workbook and chart code look it up by constant.
 */
public enum MetricTable {
    NETWORK_GROWTH_MONTHLY("network_growth_monthly", Scope.AGGREGATE, "office_id", "month"),
    NETWORK_OFFICE("network_office", Scope.AGGREGATE, "office_id"),
    EVENT_YIELD("event_yield", Scope.AGGREGATE, "office_id", "event_type"),
    STAGE_FUNNEL("stage_funnel", Scope.AGGREGATE, "office_id", "cohort", "program"),
    STAGE_FUNNEL_BY_DEPARTMENT("stage_funnel_by_department", Scope.OFFICE_DETAIL, "office_id", "department"),
    STAGE_ENTRIES_MONTHLY("stage_entries_monthly", Scope.OFFICE_DETAIL, "office_id", "cohort", "program", "month"),
    NUDGES("student_nudges", Scope.AGGREGATE, "office_id"),
    ACTIVITIES_BY_YEAR("activities_by_year_stage", Scope.AGGREGATE, "office_id", "year_in_program", "stage"),
    COMPLIANCE_MONTHLY("followup_compliance_monthly", Scope.AGGREGATE, "office_id", "rule", "month"),
    COMPLIANCE_BY_COUNSELOR("followup_by_counselor", Scope.OFFICE_DETAIL, "office_id", "counselor_id", "rule"),
    CASELOAD("counselor_caseload", Scope.OFFICE_DETAIL, "office_id", "counselor_id"),
    COMPLIANCE_BY_COHORT("followup_by_cohort", Scope.OFFICE_DETAIL, "office_id", "cohort", "rule"),
    DATA_QUALITY("data_quality", Scope.AGGREGATE, "office_id", "export_date", "entity", "run_id"),
    DATA_QUALITY_OFFICE("data_quality_office", Scope.AGGREGATE, "office_id"),
    REJECTED_LINES("rejected_lines", Scope.STUDENT, "office_id", "export_date", "file", "reason"),
    STUDENT_NETWORK("student_network", Scope.STUDENT, "office_id", "student_id"),
    STUDENT_STAGE("student_stage", Scope.STUDENT, "office_id", "student_id"),
    FOLLOWUP_ITEMS("followup_items", Scope.STUDENT, "office_id", "rule", "student_id", "contact_id", "anchor_event_id"),
    ACTION_LIST("action_list", Scope.STUDENT, "office_id", "rank"),
    WORKLIST("worklist", Scope.STUDENT, "office_id", "backlog", "counselor_id", "priority"),
    COMPLIANCE_BY_STUDENT("followup_by_student", Scope.STUDENT, "office_id", "student_id", "rule");

    /** REJECTED_LINES lists the exports of this many days ending at D: the files an office can still fix. */
    public static final int REJECTED_LINES_DAYS = 30;

    /** Who may see a table, which decides where it is written and shown. */
    public enum Scope {
        /** office-level aggregates: one CSV file, the system-wide workbook (suppressed) and each office's. */
        AGGREGATE,
        /** aggregates by counselor, cohort or month within an office: one CSV file, office workbooks only. */
        OFFICE_DETAIL,
        /** one row per student (or item): one CSV file per office, that office's workbook only. */
        STUDENT
    }

    private final String tableName;
    private final Scope scope;
    private final List<String> order;

    MetricTable(String tableName, Scope scope, String... order) {
        this.tableName = tableName;
        this.scope = scope;
        this.order = List.of(order);
    }

    /** the name of its CSV file (without .csv) and, prefixed with {@code metric_}, of its Delta table. */
    public String tableName() {
        return tableName;
    }

    public String deltaTable() {
        return "metric_" + tableName;
    }

    public Scope scope() {
        return scope;
    }

    /** the columns its rows are ordered by, everywhere they are written or shown. */
    public List<String> order() {
        return order;
    }

    /** the order without office_id, for a table already reduced to one office. */
    public List<String> orderWithinOffice() {
        return order.stream().filter(c -> !c.equals("office_id")).toList();
    }
}
