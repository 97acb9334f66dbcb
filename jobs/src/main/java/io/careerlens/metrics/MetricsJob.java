package io.careerlens.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.careerlens.config.Config;
import io.careerlens.config.OfficeConfig;
import io.careerlens.ingest.CuratedSchema;
import io.careerlens.ingest.Entity;
import io.careerlens.ingest.Ingestor;
import io.careerlens.ops.Faults;
import io.careerlens.warehouse.Warehouse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
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
    private static final Logger LOG = LogManager.getLogger(MetricsJob.class);

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

    private Dataset<Row> current(Entity entity) {
        return warehouse.readOrEmpty(entity.tableName(), CuratedSchema.curated(entity))
                .filter(col("office_id").isin(config.offices.keySet().toArray())).cache();
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
     * Computes and writes everything for D: the metric Delta tables and the CSV files under
     * {@code metricsDir}. Returns rows written per CSV file (relative path).
     */
    public Map<String, Long> run(LocalDate asOf, String metricsDir) {
        MetricInputs in = inputs(asOf);
        Dataset<Row> ledger = warehouse.readOrEmpty(Warehouse.FILE_LEDGER, Ingestor.ledgerSchema());
        MetricTables tables = MetricTables.compute(in, ledger);
        Map<String, Long> written = new LinkedHashMap<>();
        var hadoop = warehouse.hadoop();
        for (Map.Entry<String, Dataset<Row>> t : tables.all().entrySet()) {
            long t0 = System.nanoTime();
            Dataset<Row> table = t.getValue().persist();
            saveTable(t.getKey(), table, asOf);
            written.put(t.getKey() + ".csv", MetricCsv.write(table, metricsDir + "/" + t.getKey() + ".csv", hadoop));
            table.unpersist();
            Faults.at("metrics.after_first_table");
            LOG.debug("{}: {} rows in {} ms", t.getKey(), written.get(t.getKey() + ".csv"), (System.nanoTime() - t0) / 1_000_000);
        }
        for (Map.Entry<String, Dataset<Row>> t : tables.perStudent().entrySet()) {
            long t0 = System.nanoTime();
            Dataset<Row> table = t.getValue().persist();
            saveTable(t.getKey(), table, asOf);
            for (String office : config.offices.keySet()) {
                Dataset<Row> rows = table.filter(col("office_id").equalTo(office));
                if (t.getKey().equals(MetricTables.ACTION_LIST)) {
                    rows = rows.drop("office_id");
                }
                String rel = office + "/" + t.getKey() + ".csv";
                written.put(rel, MetricCsv.write(rows, metricsDir + "/" + rel, hadoop));
            }
            table.unpersist();
            LOG.debug("{}: written for {} offices in {} ms", t.getKey(), config.offices.size(),
                    (System.nanoTime() - t0) / 1_000_000);
        }
        return written;
    }

    /** metric_<name>, with the as-of date; a run for D replaces D's rows in one commit. */
    private void saveTable(String name, Dataset<Row> table, LocalDate asOf) {
        String t = "metric_" + name;
        Dataset<Row> rows = table.withColumn("as_of", lit(asOf));
        if (!warehouse.exists(t)) {
            warehouse.append(t, rows);
        } else {
            rows.write().format("delta").mode("overwrite").option("replaceWhere", "as_of = DATE'" + asOf + "'")
                    .save(warehouse.path(t));
        }
    }
}
