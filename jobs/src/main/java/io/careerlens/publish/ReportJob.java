package io.careerlens.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.careerlens.config.Config;
import io.careerlens.config.OfficeConfig;
import io.careerlens.report.Charts;
import io.careerlens.report.MetricTable;
import io.careerlens.report.OfficeInfo;
import io.careerlens.report.ReportInput;
import io.careerlens.report.ReportWriter;
import io.careerlens.report.SmallMultiples;
import io.careerlens.report.Table;
import io.careerlens.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads the metric tables of D from the warehouse and writes the workbooks, charts and index page.
 * Only bounded results reach the driver: aggregates, one office's students at a time, and an
 * office's action list as a stream.
 */
public final class ReportJob {
    /** student-level tables the workbooks do not show (they are in the office's CSV files). */
    private static final java.util.Set<MetricTable> NOT_SHOWN = java.util.EnumSet.of(MetricTable.FOLLOWUP_ITEMS,
            MetricTable.ACTION_LIST);

    /** tables of the system-wide workbook (aggregates only), also shown per office. */
    private static List<MetricTable> systemTables() {
        return Arrays.stream(MetricTable.values()).filter(t -> t.scope() == MetricTable.Scope.AGGREGATE).toList();
    }

    /** further tables of an office workbook (its own students only); the action list is shown as the worklist. */
    private static List<MetricTable> officeTables() {
        return Arrays.stream(MetricTable.values())
                .filter(t -> t.scope() != MetricTable.Scope.AGGREGATE && !NOT_SHOWN.contains(t)).toList();
    }

    private static Column[] order(List<String> columns) {
        return columns.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private final Config config;
    private final Warehouse warehouse;

    public ReportJob(Config config, Warehouse warehouse) {
        this.config = config;
        this.warehouse = warehouse;
    }

    /** the metric tables this run has just computed: read from memory, not from the warehouse. */
    private Map<MetricTable, Dataset<Row>> computed = Map.of();

    private io.careerlens.report.RunOutcome outcome;

    /** The run's outcome so far (after its ingest), shown on top of index.html. */
    public ReportJob withOutcome(io.careerlens.report.RunOutcome outcome) {
        this.outcome = outcome;
        return this;
    }

    /** Hands over tables the metrics step of the same run computed (they carry no as_of column). */
    public ReportJob withComputed(Map<MetricTable, Dataset<Row>> tables) {
        this.computed = tables;
        return this;
    }

    private Dataset<Row> metric(MetricTable metric, LocalDate asOf) {
        if (computed.containsKey(metric)) {
            return computed.get(metric);
        }
        String table = metric.deltaTable();
        if (!warehouse.exists(table)) {
            throw new IllegalStateException("the warehouse has no metric table " + table + ": run 'metrics --as-of " + asOf
                    + "' first");
        }
        Dataset<Row> d = warehouse.read(table).filter(col("as_of").equalTo(lit(asOf))).drop("as_of");
        return d;
    }

    /** Writes every report file of D into {@code dir}; returns the paths written. */
    public List<Path> write(LocalDate asOf, Path dir) throws IOException {
        Map<MetricTable, Dataset<Row>> sys = new LinkedHashMap<>();
        systemTables().forEach(t -> sys.put(t, metric(t, asOf).orderBy(order(t.order()))));
        if (sys.get(MetricTable.NETWORK_OFFICE).isEmpty() && sys.get(MetricTable.DATA_QUALITY).isEmpty()) {
            throw new IllegalStateException("no metrics for " + asOf + " in the warehouse: run 'metrics --as-of " + asOf + "' first");
        }
        Dataset<Row> actions = metric(MetricTable.ACTION_LIST, asOf);
        // aggregates within offices (by counselor, cohort, month, department) are small: collected once for all
        // offices; student-level tables can be long: read once, sorted by office, one office at a time
        Map<MetricTable, Table> detail = new LinkedHashMap<>();
        Map<MetricTable, OfficeRows> studentTables = new LinkedHashMap<>();
        for (MetricTable t : officeTables()) {
            Dataset<Row> byOffice = metric(t, asOf).orderBy(order(t.order()));
            if (t.scope() == MetricTable.Scope.OFFICE_DETAIL) {
                detail.put(t, ReportTables.collect(t.tableName(), byOffice));
            } else {
                studentTables.put(t, new OfficeRows(t.tableName(), byOffice));
            }
        }
        Map<String, Table> all = new LinkedHashMap<>();
        sys.forEach((t, d) -> all.put(t.tableName(), ReportTables.collect(t.tableName(), d)));
        all.put(ReportInput.ACTION_LIST_SIZE, ReportTables.collect(ReportInput.ACTION_LIST_SIZE,
                ReportTables.actionListSize(actions)));
        List<OfficeInfo> offices = offices(all.get(MetricTable.DATA_QUALITY_OFFICE.tableName()));
        Map<String, Object> params = parameters();
        ReportInput system = input(asOf, null, offices, all, params);

        // the office workbooks are written in the order of the office ids, the order the student tables are read in
        List<Supplier<ReportInput>> perOffice = new ArrayList<>();
        for (OfficeInfo o : offices.stream().sorted(java.util.Comparator.comparing(OfficeInfo::id)).toList()) {
            perOffice.add(() -> {
                Map<String, Table> t = new LinkedHashMap<>();
                all.forEach((n, table) -> t.put(n, table.where("office_id", o.id())));
                detail.forEach((m, table) -> t.put(m.tableName(), table.where("office_id", o.id())));
                studentTables.forEach((m, rows) -> t.put(m.tableName(), rows.take(o.id())));
                return input(asOf, o, offices, t, params);
            });
        }
        List<Path> written = ReportWriter.write(dir, system, perOffice, outcome);
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
        for (String grid : List.of(SmallMultiples.FUNNEL, SmallMultiples.COMPLIANCE)) {
            f.add("charts/" + grid + ".png");
        }
        config.offices.keySet().forEach(o -> f.add("offices/" + o + ".xlsx"));
        config.offices.keySet().forEach(o -> f.add("offices/" + o + ".html"));
        return f;
    }
}
