package io.careerlens.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.careerlens.config.Config;
import io.careerlens.config.OfficeConfig;
import io.careerlens.ingest.CuratedSchema;
import io.careerlens.contract.Entity;
import io.careerlens.ingest.Ingestor;
import io.careerlens.ops.Faults;
import io.careerlens.report.MetricTable;
import io.careerlens.warehouse.Keys;
import io.careerlens.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the curated tables, computes every metric as of D, writes the metric tables to the
 * warehouse (replacing that D's rows in one commit per table) and the CSV files of SPEC 3.2.
 */
public final class MetricsJob {
    private final SparkSession spark;
    private final Config config;
    private final Warehouse warehouse;

    public MetricsJob(SparkSession spark, Config config, Warehouse warehouse) {
        this.spark = spark;
        this.config = config;
        this.warehouse = warehouse;
    }

    /** The inputs as of D: current versions of the curated tables, cached for the many metrics that read them. */
    public MetricInputs inputs(LocalDate asOf) {
        Dataset<Row> students = current(Entity.STUDENTS);
        Dataset<Row> contacts = current(Entity.CONTACTS);
        Dataset<Row> events = current(Entity.EVENTS);
        return new MetricInputs(asOf, config.rules, students, contacts, events, offices(spark, config));
    }

    /**
     * The metrics read the office and the canonical values only: provenance, the row hash and
     * personal columns stay out of the cache (on M the events' cache went from 1.7 GB to 0.75 GB).
     */
    private Dataset<Row> current(Entity entity) {
        return warehouse.readOrEmpty(entity.tableName(), CuratedSchema.curated(entity))
                .filter(col("office_id").isin(config.offices.keySet().toArray()))
                .select(Keys.cols(figureColumns(entity).toArray(String[]::new)))
                .cache();
    }

    /** office_id and the entity's canonical columns, personal ones left out. */
    static List<String> figureColumns(Entity entity) {
        List<String> names = new ArrayList<>(List.of(CuratedSchema.OFFICE_ID));
        CuratedSchema.canonicalNames(entity).stream()
                .filter(n -> entity.column(n).map(c -> !c.personal()).orElse(true))
                .forEach(names::add);
        return names;
    }

    /** office_id and IANA time zone of every configured office. */
    public static Dataset<Row> offices(SparkSession spark, Config config) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, OfficeConfig> e : config.offices.entrySet()) {
            rows.add(RowFactory.create(e.getKey(), e.getValue().timezone));
        }
        return spark.createDataFrame(rows, new StructType().add("office_id", DataTypes.StringType)
                .add("timezone", DataTypes.StringType));
    }

    /**
     * What a metrics run computed: rows written per CSV file (relative path), and the metric tables
     * themselves, still persisted, so the report step of the same run reads them from memory
     * instead of from the warehouse. {@link #release} frees them and the cached results they were
     * computed from ({@code shared}, each after the cached results it reads).
     */
    public record Result(Map<String, Long> written, Map<MetricTable, Dataset<Row>> tables,
                         List<Dataset<Row>> shared) {
        public void release() {
            tables.values().forEach(Dataset::unpersist);
            // readers before what they read: freeing a cache Spark still finds inside another's plan
            // would have Spark rebuild that other cache
            for (int i = shared.size() - 1; i >= 0; i--) {
                shared.get(i).unpersist();
            }
        }
    }

    /** Computes and writes everything for D; returns rows written per CSV file (relative path). */
    public Map<String, Long> run(LocalDate asOf, String metricsDir) {
        Result r = compute(asOf, metricsDir);
        r.release();
        return r.written();
    }

    /**
     * Computes and writes everything for D: the metric Delta tables and the CSV files under
     * {@code metricsDir}. The tables stay persisted for the caller (see {@link Result}).
     */
    public Result compute(LocalDate asOf, String metricsDir) {
        MetricInputs in = inputs(asOf);
        Dataset<Row> ledger = warehouse.readOrEmpty(Warehouse.FILE_LEDGER, Ingestor.ledgerSchema());
        Dataset<Row> rejects = warehouse.readOrEmpty(Warehouse.REJECTS, DataQuality.rejectColumns())
                .select("office_id", "export_date", "source_file", "line_number", "reason", "detail");
        MetricTables tables = MetricTables.compute(in, ledger, rejects);
        List<Dataset<Row>> shared = new ArrayList<>(List.of(in.students(), in.contacts(), in.events()));
        shared.addAll(tables.shared());
        Map<MetricTable, Dataset<Row>> kept = new java.util.concurrent.ConcurrentHashMap<>();
        try {
            build(shared);
        } catch (RuntimeException | Error e) {
            new Result(Map.of(), kept, shared).release();
            throw e;
        }
        Map<String, Long> written = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        tables.tables().forEach((metric, table) -> tasks.add(() -> {
            // names the table's jobs in the Spark UI and event log (the property is per thread)
            spark.sparkContext().setJobDescription("metric table " + metric.tableName());
            Dataset<Row> t = table.persist();
            kept.put(metric, t);
            saveTable(metric, t, asOf);
            String name = metric.tableName();
            if (metric.scope() == MetricTable.Scope.STUDENT) {
                written.putAll(MetricCsv.writePerOffice(t, config.offices.keySet(), metricsDir, name,
                        metric == MetricTable.ACTION_LIST));
            } else {
                written.put(name + ".csv", MetricCsv.write(t, metricsDir + "/" + name + ".csv"));
                Faults.at("metrics.after_first_table");
            }
            return null;
        }));
        try {
            // each write is mostly Delta commit latency on the driver
            io.careerlens.ops.SideBySide.run(tasks, 3);
        } catch (RuntimeException | Error e) {
            new Result(written, kept, shared).release();
            throw e;
        }
        return new Result(written, kept, shared);
    }

    /**
     * Fills the caches several tables read, one after the other on this thread, before the tables
     * start. Spark locks a cache while it fills it. When table threads filled them, one thread could
     * hold a cache that reads another thread's cache; if filling that one failed (an unreadable
     * warehouse file), each thread waited for the other's lock forever. Filled here, in the order
     * they were made (each after those it reads), a failure ends the run.
     */
    private void build(List<Dataset<Row>> shared) {
        try {
            for (int i = 0; i < shared.size(); i++) {
                // numbered, so an event log shows what each cache costs
                spark.sparkContext().setJobDescription("metric inputs " + (i + 1) + "/" + shared.size());
                shared.get(i).count();
            }
        } finally {
            spark.sparkContext().setJobDescription(null);
        }
    }

    /**
     * metric_<name>, partitioned by as_of: a run for D replaces D's partition in one commit and
     * leaves other dates alone.
     */
    private void saveTable(MetricTable metric, Dataset<Row> table, LocalDate asOf) {
        io.careerlens.warehouse.Columns.requireNotReserved("metric table " + metric.tableName(), List.of(table.columns()));
        warehouse.replacePartition(metric.deltaTable(), table.withColumn("as_of", lit(asOf)), "as_of", asOf);
    }
}
