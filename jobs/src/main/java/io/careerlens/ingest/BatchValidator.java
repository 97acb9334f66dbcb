package io.careerlens.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import io.careerlens.config.Config;
import io.careerlens.contract.Entity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * SPEC 1.2, 1.3 and 4's gate for one entity's new files, with no warehouse involved: parses them,
 * sets aside every bad row with its reason, and holds back whole any file over the reject rate.
 * Both the ingest (which then dedupes and writes) and {@code validate} (which only reports) use it.
 */
public final class BatchValidator {
    private static final Logger LOG = LogManager.getLogger(BatchValidator.class);
    /** reject reason of the rows of a quarantined file that were not bad themselves. */
    public static final String FILE_QUARANTINED = "file_quarantined";

    private final SparkSession spark;
    private final Config config;
    private final String runId;

    public BatchValidator(SparkSession spark, Config config, String runId) {
        this.spark = spark;
        this.config = config;
        this.runId = runId;
    }

    /**
     * One entity's files, checked.
     * @param staged   the parsed rows, persisted until {@link #release()}
     * @param problems files rejected whole (a missing column...), with the reason
     * @param reasons  per file, bad rows by reason
     * @param read     per file, rows read
     * @param held     files quarantined by the reject-rate gate, with the reason
     * @param rejects  rows for the rejects table (bad rows, and every row of a held file)
     * @param valid    rows to dedupe and write, in the curated layout with their row hash
     */
    public record Batch(Entity entity, List<InboxFile> files, Dataset<Row> staged, Map<String, String> problems,
                        Map<String, Map<String, Long>> reasons, Map<String, Long> read, Map<String, String> held,
                        Dataset<Row> rejects, Dataset<Row> valid) {

        /** The first rejected rows by file and line, for {@code validate} to list. */
        public List<RejectedRow> samples(int limit) {
            List<RejectedRow> samples = new ArrayList<>();
            for (Row r : rejects.orderBy(CuratedSchema.SOURCE_FILE, CuratedSchema.LINE_NUMBER).limit(limit)
                    .select(CuratedSchema.SOURCE_FILE, CuratedSchema.LINE_NUMBER, "reason", "detail").collectAsList()) {
                samples.add(new RejectedRow(r.getString(0), r.getLong(1), r.getString(2), r.getString(3)));
            }
            return samples;
        }

        /**
         * Each file's accounting, which must reconcile (read = accepted + rejected + duplicates).
         * @param outcomes per file, {accepted, duplicates} of its valid rows
         * @param status   the status of a file that was neither rejected whole nor held back
         */
        public List<FileResult> results(Map<String, long[]> outcomes, String status) {
            List<FileResult> results = new ArrayList<>();
            for (InboxFile f : files) {
                Map<String, Long> rs = reasons.getOrDefault(f.path(), Map.of());
                long n = read.getOrDefault(f.path(), 0L);
                long[] o = outcomes.getOrDefault(f.path(), new long[2]);
                String fileStatus = problems.containsKey(f.path()) ? FileResult.REJECTED_FILE
                        : held.containsKey(f.path()) ? FileResult.QUARANTINED : status;
                String reason = problems.getOrDefault(f.path(), held.get(f.path()));
                Map<String, Long> byReason = new TreeMap<>(rs);
                long bad = rs.values().stream().mapToLong(Long::longValue).sum();
                if (held.containsKey(f.path()) && n - bad > 0) {
                    byReason.put(FILE_QUARANTINED, n - bad);
                }
                long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
                FileResult result = new FileResult(f.path(), f.officeId(), f.exportDate(), entity.tableName(), f.size(),
                        f.checksum(), fileStatus, reason, n, o[0], rejected, o[1], 0, byReason);
                if (!result.reconciles()) {
                    throw new IllegalStateException("row accounting does not add up for " + f.path() + ": " + result);
                }
                if (reason != null) {
                    LOG.warn("{}: {}", f.path(), reason);
                }
                results.add(result);
            }
            return results;
        }

        public void release() {
            staged.unpersist();
        }
    }

    public Batch validate(Entity entity, List<InboxFile> files) {
        Dataset<Row> staged = spark.createDataFrame(parsedRows(files), CuratedSchema.staged(entity))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // one pass over the parsed rows: each file's problem (its one "file" row) and its rows by reject reason
        String fileProblem = io.careerlens.warehouse.Columns.internal("file_problem");
        Map<String, String> problems = new HashMap<>();
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        Map<String, Long> read = new HashMap<>();
        for (Row r : staged.groupBy(col(CuratedSchema.KIND), col(CuratedSchema.SOURCE_FILE), col(CuratedSchema.REJECT_REASON),
                        when(col(CuratedSchema.KIND).equalTo(CuratedSchema.KIND_FILE), col(CuratedSchema.REJECT_DETAIL)).as(fileProblem))
                .count().collectAsList()) {
            String file = r.getString(1);
            if (CuratedSchema.KIND_FILE.equals(r.getString(0))) {
                if (r.getString(3) != null) {
                    problems.put(file, r.getString(3));
                }
                continue;
            }
            read.merge(file, r.getLong(4), Long::sum);
            if (r.getString(2) != null) {
                reasons.computeIfAbsent(file, k -> new TreeMap<>()).merge(r.getString(2), r.getLong(4), Long::sum);
            }
        }
        Dataset<Row> records = staged.filter(col(CuratedSchema.KIND).equalTo(CuratedSchema.KIND_RECORD));
        // Data-quality gate: a file with too many bad rows is held back whole.
        Map<String, String> held = new HashMap<>();
        for (InboxFile f : files) {
            long n = read.getOrDefault(f.path(), 0L);
            long bad = reasons.getOrDefault(f.path(), Map.of()).values().stream().mapToLong(Long::longValue).sum();
            if (!problems.containsKey(f.path()) && n > 0 && (double) bad / n > config.quality.maxRejectRate) {
                held.put(f.path(), String.format("%.1f%% of its %d rows were rejected (threshold %.1f%%); "
                        + "the whole file is held back until a corrected export arrives", 100.0 * bad / n, n,
                        100 * config.quality.maxRejectRate));
            }
        }
        Column heldBack = col(CuratedSchema.SOURCE_FILE).isin((Object[]) held.keySet().toArray(new String[0]));
        Dataset<Row> rejects = records
                .filter(col(CuratedSchema.REJECT_REASON).isNotNull().or(heldBack))
                .withColumn("reason", coalesce(col(CuratedSchema.REJECT_REASON), lit(FILE_QUARANTINED)))
                .withColumn("detail", coalesce(col(CuratedSchema.REJECT_DETAIL),
                        lit("the file was quarantined: too many of its rows were rejected")))
                .select(col(CuratedSchema.OFFICE_ID), col(CuratedSchema.EXPORT_DATE), lit(entity.tableName()).as("entity"),
                        col(CuratedSchema.SOURCE_FILE), col(CuratedSchema.SOURCE_CHECKSUM), col(CuratedSchema.LINE_NUMBER),
                        col("reason"), col("detail"), col(CuratedSchema.RAW_TEXT), lit(runId).as("run_id"));
        Dataset<Row> valid = records
                .filter(col(CuratedSchema.REJECT_REASON).isNull().and(not(heldBack)))
                .select(CuratedSchema.columns(entity, false))
                .transform(d -> VersionClassifier.withRowHash(d, entity));
        return new Batch(entity, files, staged, problems, reasons, read, held, rejects, valid);
    }

    /**
     * One partition per bin of files ({@link FileBins}): each file is parsed whole by one task, so
     * line numbers and file-level checks hold.
     */
    private JavaRDD<Row> parsedRows(List<InboxFile> files) {
        Config cfg = config;
        Map<String, String> hadoopConf = new HashMap<>();
        spark.sparkContext().hadoopConfiguration().forEach(e -> hadoopConf.put(e.getKey(), e.getValue()));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<List<InboxFile>> bins = FileBins.pack(files, jsc.defaultParallelism(), FileBins.TARGET_BYTES);
        return jsc.parallelize(bins, Math.max(1, bins.size())).flatMap(bin -> {
            Configuration hadoop = new Configuration(false);
            hadoopConf.forEach(hadoop::set);
            return new FileBins.Rows(bin, cfg, hadoop);
        });
    }
}
