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
        SparkConf submitted = new SparkConf();
        // partitions follow the data, whatever spark.sql.shuffle.partitions says (200 on a cluster):
        // adaptive execution merges small shuffle partitions up to the advisory size, cached plans
        // included (the ingest caches its staged rows), so a 7 000-row table is not written as 200 files
        for (String[] kv : new String[][] {
            {"spark.sql.adaptive.enabled", "true"},
            {"spark.sql.adaptive.coalescePartitions.enabled", "true"},
            {"spark.sql.optimizer.canChangeCachedPlanOutputPartitioning", "true"}}) {
            if (!submitted.contains(kv[0])) {
                b.config(kv[0], kv[1]);
            }
        }
        LocalFileSystemWithoutForks.SETTINGS.forEach((k, v) -> {
            if (!submitted.contains("spark.hadoop." + k)) {
                b.config("spark.hadoop." + k, v);
            }
        });
        // on a cluster, files by size (64 MB advisory) rather than one per core; locally, every core keeps working
        String bySize = "spark.sql.adaptive.coalescePartitions.parallelismFirst";
        if (submitted.contains("spark.master") && !submitted.contains(bySize)) {
            b.config(bySize, "false");
        }
        return b.config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.ansi.enabled", "true")
                .config("spark.databricks.delta.snapshotPartitions", "2")
                .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4");
    }
}
