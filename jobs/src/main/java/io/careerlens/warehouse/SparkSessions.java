package io.careerlens.warehouse;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one place a SparkSession is configured: Delta, UTC session time, java.time values. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * Under spark-submit the master and resources come from the submitter; run directly, Spark runs
     * in local mode on this machine's cores.
     */
    public static SparkSession getOrCreate(String appName) {
        SparkSession.Builder b = SparkSession.builder().appName(appName);
        if (!new SparkConf().contains("spark.master")) {
            // progress bars only on an interactive terminal; cron gets plain log lines
            b.master("local[*]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.ui.showConsoleProgress", String.valueOf(System.console() != null));
        }
        SparkSession spark = configure(b).getOrCreate();
        // the context's start may have put Spark's own log settings in force (spark-submit)
        io.careerlens.ops.RunLog.configure();
        return spark;
    }

    /** Settings every session of CareerLens needs, for tests as well. */
    public static SparkSession.Builder configure(SparkSession.Builder b) {
        defaults(new SparkConf()).forEach(b::config);
        return b.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.ansi.enabled", "true")
                .config("spark.databricks.delta.snapshotPartitions", "2")
                .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4");
    }

    /**
     * The settings CareerLens chooses where the submitter (spark-submit's --conf, spark.* system
     * properties) chose nothing: a submitted value always wins.
     */
    static java.util.Map<String, String> defaults(SparkConf submitted) {
        java.util.Map<String, String> chosen = new java.util.LinkedHashMap<>();
        // partitions follow the data, whatever spark.sql.shuffle.partitions says (200 on a cluster):
        // adaptive execution merges small shuffle partitions up to the advisory size, cached plans
        // included (the ingest caches its staged rows), so a 7 000-row table is not written as 200 files
        chosen.put("spark.sql.adaptive.enabled", "true");
        chosen.put("spark.sql.adaptive.coalescePartitions.enabled", "true");
        chosen.put("spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true");
        LocalFileSystemWithoutForks.SETTINGS.forEach((k, v) -> chosen.put("spark.hadoop." + k, v));
        // Spark sizes a memory page by the heap per core (64 MB under -Xmx4g), and every sort,
        // aggregation and broadcast relation holds at least one: the broadcasts that cached plans keep
        // alive filled a 4 GB heap with 2 GB of pages on 12 000 rows (docs/performance.md). A task
        // takes as many small pages as it needs: M's full nightly did not slow down.
        chosen.put("spark.buffer.pageSize", "2m");
        // lower() through ICU builds a title-case table of every Unicode code point on first use
        // (3 GB of garbage, 1-2 CPU-seconds per JVM); the JVM's case mapping folds names as well
        chosen.put("spark.sql.icu.caseMappings.enabled", "false");
        // on a cluster, files by size (64 MB advisory) rather than one per core; locally, every core keeps working
        if (submitted.contains("spark.master")) {
            chosen.put("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false");
        }
        chosen.keySet().removeIf(submitted::contains);
        return chosen;
    }
}
