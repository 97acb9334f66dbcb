package io.careerlens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.careerlens.config.Config;
import io.careerlens.config.OfficeConfig;
import io.careerlens.metrics.MetricTables;
import io.careerlens.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads the metric tables of D from the warehouse and writes the workbooks, charts and index page.
 * Only bounded results reach the driver: aggregates, one office's students at a time, and an
 * office's action list as a stream.
 */
public final class ReportJob {
    /** tables of the system-wide workbook (aggregates only), and how each is ordered. */
    private static final Map<String, String[]> SYSTEM = new LinkedHashMap<>();
    /** further tables of an office workbook (its own students only). */
    private static final Map<String, String[]> OFFICE = new LinkedHashMap<>();

    static {
        SYSTEM.put(MetricTables.NETWORK_GROWTH_MONTHLY, new String[] {"office_id", "month"});
        SYSTEM.put(MetricTables.NETWORK_OFFICE, new String[] {"office_id"});
        SYSTEM.put(MetricTables.EVENT_YIELD, new String[] {"office_id", "event_type"});
        SYSTEM.put(MetricTables.STAGE_FUNNEL, new String[] {"office_id", "cohort", "program"});
        SYSTEM.put(MetricTables.ACTIVITIES_BY_YEAR, new String[] {"office_id", "year_in_program", "stage"});
        SYSTEM.put(MetricTables.COMPLIANCE_MONTHLY, new String[] {"office_id", "rule", "month"});
        SYSTEM.put(MetricTables.DATA_QUALITY, new String[] {"office_id", "export_date", "entity", "run_id"});
        SYSTEM.put(MetricTables.DATA_QUALITY_OFFICE, new String[] {"office_id"});
        OFFICE.put(MetricTables.STAGE_ENTRIES_MONTHLY, new String[] {"cohort", "program", "month"});
        OFFICE.put(MetricTables.COMPLIANCE_BY_COUNSELOR, new String[] {"counselor_id", "rule"});
        OFFICE.put(MetricTables.COMPLIANCE_BY_COHORT, new String[] {"cohort", "rule"});
        OFFICE.put(MetricTables.STUDENT_NETWORK, new String[] {"student_id"});
        OFFICE.put(MetricTables.STUDENT_STAGE, new String[] {"student_id"});
    }

    private final Config config;
    private final Warehouse warehouse;

    public ReportJob(Config config, Warehouse warehouse) {
        this.config = config;
        this.warehouse = warehouse;
    }

    /** the metric tables this run has just computed, by name: read from memory, not from the warehouse. */
    private Map<String, Dataset<Row>> computed = Map.of();

    /** Hands over tables the metrics step of the same run computed (they carry no as_of column). */
    public ReportJob withComputed(Map<String, Dataset<Row>> tables) {
        this.computed = tables;
        return this;
    }

    private Dataset<Row> metric(String name, LocalDate asOf) {
        if (computed.containsKey(name)) {
            return computed.get(name);
        }
        String table = "metric_" + name;
        if (!warehouse.exists(table)) {
            throw new IllegalStateException("the warehouse has no metric table " + table + ": run 'metrics --as-of " + asOf
                    + "' first");
        }
        Dataset<Row> d = warehouse.read(table).filter(col("as_of").equalTo(lit(asOf))).drop("as_of");
        return d;
    }

    /** Writes every report file of D into {@code dir}; returns the paths written. */
    public List<Path> write(LocalDate asOf, Path dir) throws IOException {
        Map<String, Dataset<Row>> sys = new LinkedHashMap<>();
        SYSTEM.forEach((n, order) -> sys.put(n, metric(n, asOf).orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length))));
        if (sys.get(MetricTables.NETWORK_OFFICE).isEmpty() && sys.get(MetricTables.DATA_QUALITY).isEmpty()) {
            throw new IllegalStateException("no metrics for " + asOf + " in the warehouse: run 'metrics --as-of " + asOf + "' first");
        }
        Dataset<Row> actions = metric(MetricTables.ACTION_LIST, asOf).cache();
        Map<String, Dataset<Row>> studentTables = new LinkedHashMap<>();
        OFFICE.forEach((n, order) -> studentTables.put(n, metric(n, asOf).cache()));
        Map<String, Table> all = new LinkedHashMap<>();
        sys.forEach((n, d) -> all.put(n, ReportTables.collect(n, d)));
        all.put("action_list_size", ReportTables.collect("action_list_size", ReportTables.actionListSize(actions)));
        List<OfficeInfo> offices = offices(all.get(MetricTables.DATA_QUALITY_OFFICE));
        Map<String, Object> params = parameters();
        ReportInput system = input(asOf, null, offices, all, params);

        List<Supplier<ReportInput>> perOffice = new ArrayList<>();
        for (OfficeInfo o : offices) {
            perOffice.add(() -> {
                Map<String, Table> t = new LinkedHashMap<>();
                all.forEach((n, table) -> t.put(n, table.where("office_id", o.id())));
                OFFICE.forEach((n, order) -> t.put(n, ReportTables.collect(n, studentTables.get(n)
                        .filter(col("office_id").equalTo(o.id())).orderBy(order[0],
                                java.util.Arrays.copyOfRange(order, 1, order.length)))));
                t.put(MetricTables.ACTION_LIST, ReportTables.stream(MetricTables.ACTION_LIST,
                        actions.filter(col("office_id").equalTo(o.id())).drop("office_id").orderBy("rank")));
                return input(asOf, o, offices, t, params);
            });
        }
        List<Path> written = ReportWriter.write(dir, system, perOffice);
        studentTables.values().forEach(Dataset::unpersist);
        actions.unpersist();
        return written;
    }

    private ReportInput input(LocalDate asOf, OfficeInfo office, List<OfficeInfo> offices, Map<String, Table> tables,
                              Map<String, Object> params) {
        return new ReportInput(asOf, office, offices, tables, params, config.reporting.smallCellThreshold,
                config.reporting.complianceGood, config.reporting.complianceWarn);
    }

    private List<OfficeInfo> offices(Table quality) {
        List<OfficeInfo> out = new ArrayList<>();
        for (Map.Entry<String, OfficeConfig> e : config.offices.entrySet()) {
            LocalDate latest = null;
            for (List<Object> r : quality.rows()) {
                if (e.getKey().equals(r.get(quality.index("office_id")))) {
                    latest = (LocalDate) r.get(quality.index("latest_export_date"));
                }
            }
            out.add(new OfficeInfo(e.getKey(), e.getValue().name, e.getValue().timezone, latest));
        }
        return out;
    }

    private Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        config.rules.asMap().forEach((k, v) -> p.put("rules." + k, v));
        p.put("quality.max_reject_rate", config.quality.maxRejectRate);
        p.put("reporting.small_cell_threshold", config.reporting.smallCellThreshold);
        p.put("reporting.compliance_good", config.reporting.complianceGood);
        p.put("reporting.compliance_warn", config.reporting.complianceWarn);
        return p;
    }

    /** the files every published run folder must hold (besides the metrics). */
    public static List<String> expectedFiles(Config config) {
        List<String> f = new ArrayList<>(List.of("all-offices.xlsx", "index.html"));
        for (String c : List.of(Charts.GROWTH, Charts.FUNNEL, Charts.COMPLIANCE, Charts.ACTIVITIES)) {
            f.add("charts/" + c + ".png");
            config.offices.keySet().forEach(o -> f.add("charts/" + o + "/" + c + ".png"));
        }
        config.offices.keySet().forEach(o -> f.add("offices/" + o + ".xlsx"));
        return f;
    }
}
