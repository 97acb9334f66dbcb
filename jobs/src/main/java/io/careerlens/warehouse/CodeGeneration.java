package io.careerlens.warehouse;

import java.io.IOException;
import java.util.Collection;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * Chooses how Spark evaluates expressions, by the size of the data: generated and compiled code
 * pays for its compilation on large inputs, interpreted evaluation wins on small ones (the sample
 * nightly: 9 s of 60 saved; S's 576 000 rows: no difference either way; docs/performance.md). A
 * submitter who sets either key decides instead.
 */
public final class CodeGeneration {
    private static final Logger LOG = LogManager.getLogger(CodeGeneration.class);
    static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
    static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
    /** below this many bytes of data (CSV in the inbox or Parquet in the curated tables), interpreted */
    static final long INTERPRETED_BELOW = 16L * 1024 * 1024;

    private CodeGeneration() {
    }

    /** @return whether expressions are interpreted from now on in this session */
    public static boolean fitTo(SparkSession spark, long dataBytes) {
        return choose(spark.sparkContext().getConf(), spark.conf(), dataBytes);
    }

    static boolean choose(org.apache.spark.SparkConf submitted, org.apache.spark.sql.RuntimeConfig session, long dataBytes) {
        if (submitted.contains(FACTORY_MODE) || submitted.contains(WHOLE_STAGE)) {
            return "NO_CODEGEN".equalsIgnoreCase(session.get(FACTORY_MODE, "FALLBACK"));
        }
        boolean interpreted = dataBytes < INTERPRETED_BELOW;
        session.set(FACTORY_MODE, interpreted ? "NO_CODEGEN" : "FALLBACK");
        session.set(WHOLE_STAGE, String.valueOf(!interpreted));
        LOG.info("{} MB of data: Spark {}", String.format("%.1f", dataBytes / 1048576.0),
                interpreted ? "interprets expressions (cheaper than compiling code for small data)" : "compiles generated code");
        return interpreted;
    }

    /**
     * The size of the data a run works on, read from listings and Delta checksum files (no Spark
     * job): the larger of the inbox's CSV files and the named tables' current Parquet files.
     * @param inbox null when the command reads no inbox
     */
    public static long dataBytes(Configuration hadoop, String warehouseUri, Collection<String> tables, String inbox) {
        long stored = 0;
        for (String table : tables) {
            stored += tableBytes(hadoop, warehouseUri, table);
        }
        return Math.max(stored, inbox == null ? 0 : csvBytes(hadoop, inbox));
    }

    /** a Delta table's size from its latest checksum file; without one, every file under the table (an overestimate). */
    static long tableBytes(Configuration hadoop, String warehouseUri, String table) {
        java.util.OptionalLong live = Warehouse.checksumBytes(hadoop, warehouseUri, table);
        if (live.isPresent()) {
            return live.getAsLong();
        }
        if (Warehouse.latestCommit(hadoop, warehouseUri, table).version() < 0) {
            return 0;
        }
        Path dir = new Path(warehouseUri, table);
        try {
            return dir.getFileSystem(hadoop).getContentSummary(dir).getLength();
        } catch (IOException | RuntimeException e) {
            LOG.debug("size of table {} unknown: {}", table, e.toString());
            return 0;
        }
    }

    static long csvBytes(Configuration hadoop, String inbox) {
        Path root = new Path(inbox);
        long bytes = 0;
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            if (!fs.exists(root)) {
                return 0;
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
            while (files.hasNext()) {
                LocatedFileStatus f = files.next();
                if (f.getPath().getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    bytes += f.getLen();
                }
            }
        } catch (IOException e) {
            LOG.debug("size of inbox {} unknown: {}", inbox, e.toString());
        }
        return bytes;
    }
}
