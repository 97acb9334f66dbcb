package io.careerlens.testing;

import io.careerlens.warehouse.SparkSessions;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession for the whole test JVM: starting Spark is the slow part. */
public final class SparkTestSession {
    private static SparkSession spark;

    private SparkTestSession() {
    }

    public static synchronized SparkSession get() {
        if (spark == null) {
            spark = SparkSessions.configure(SparkSession.builder().master("local[2]").appName("careerlens-test")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.databricks.delta.snapshotPartitions", "1")
                    // tiny inputs: compiling generated code costs more than it saves (measured in
                    // docs/performance.md: a warm sample nightly 62 s -> 37 s); ClusterIT keeps codegen on
                    .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                    .config("spark.sql.codegen.wholeStage", "false")).getOrCreate();
        }
        return spark;
    }
}
