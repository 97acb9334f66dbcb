package io.careerlens.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything one workbook shows. {@code office} is null for the system-wide workbook, which holds
 * aggregates only and suppresses figures over fewer than {@code smallCell} students.
 */
public record ReportInput(LocalDate asOf, OfficeInfo office, List<OfficeInfo> offices, Map<String, Table> tables,
                          Map<String, Object> parameters, int smallCell, double complianceGood, double complianceWarn) {

    /** office_id, items: the size of each office's action list (the list itself is in office workbooks only). */
    public static final String ACTION_LIST_SIZE = "action_list_size";

    public boolean systemWide() {
        return office == null;
    }

    public Table table(MetricTable metric) {
        return table(metric.tableName());
    }

    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("report input lacks table " + name);
        }
        return t;
    }
}
