package io.careerlens.publish;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.careerlens.report.ColumnSpec;
import io.careerlens.report.Kind;
import io.careerlens.report.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Turns metric tables (Spark) into the plain report tables the reports module takes. */
public final class ReportTables {
    /** decimal columns that are shares 0..1, shown as percentages. */
    private static final Set<String> RATES = Set.of("growth_rate", "inside_share", "weekly_consistency",
            "outreach_conversion", "no_show_rate", "compliance", "mean_weekly_consistency");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("office_id", "Office"), Map.entry("student_id", "Student"), Map.entry("contact_id", "Contact"),
            Map.entry("counselor_id", "Counselor"), Map.entry("anchor_event_id", "Anchor event"),
            Map.entry("resolved_by_event_id", "Resolved by event"), Map.entry("due_on", "Due on"),
            Map.entry("contacts_added_30d", "Contacts added (30 days)"), Map.entry("run_id", "Run"),
            Map.entry("file", "File"), Map.entry("rank", "Rank"));

    private ReportTables() {
    }

    static String label(String column) {
        String l = LABELS.get(column);
        if (l != null) {
            return l;
        }
        String s = column.replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Kind kind(StructField f) {
        DataType t = f.dataType();
        if (f.name().equals("cohort")) {
            return Kind.TEXT; // a year: no thousands separator
        }
        if (t.equals(DataTypes.DateType)) {
            return f.name().equals("month") ? Kind.MONTH : Kind.DATE;
        }
        if (t.equals(DataTypes.BooleanType)) {
            return Kind.BOOL;
        }
        if (t.equals(DataTypes.IntegerType) || t.equals(DataTypes.LongType)) {
            return Kind.INT;
        }
        if (t.equals(DataTypes.DoubleType) || t instanceof org.apache.spark.sql.types.DecimalType) {
            return RATES.contains(f.name()) || f.name().startsWith("compliance_") ? Kind.RATE : Kind.DECIMAL;
        }
        return Kind.TEXT;
    }

    static List<ColumnSpec> columns(Dataset<Row> d) {
        List<ColumnSpec> cols = new ArrayList<>();
        for (StructField f : d.schema().fields()) {
            cols.add(new ColumnSpec(f.name(), label(f.name()), kind(f)));
        }
        return cols;
    }

    static List<Object> values(Row r) {
        List<Object> v = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) {
            Object o = r.isNullAt(i) ? null : r.get(i);
            if (o != null && r.schema().fields()[i].name().equals("cohort")) {
                o = o.toString();
            }
            if (o instanceof java.sql.Date d) {
                o = d.toLocalDate();
            } else if (o instanceof java.math.BigDecimal b) {
                o = b.doubleValue();
            }
            v.add(o);
        }
        return v;
    }

    /** a bounded table, collected. */
    public static Table collect(String name, Dataset<Row> d) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : d.collectAsList()) {
            rows.add(values(r));
        }
        return new Table(name, columns(d), rows);
    }

    /** office_id, items: the size of each office's action list. */
    public static Dataset<Row> actionListSize(Dataset<Row> actionList) {
        return actionList.groupBy("office_id").agg(count(lit(1)).as("items"));
    }
}
