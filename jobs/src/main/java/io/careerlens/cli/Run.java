package io.careerlens.cli;

import io.careerlens.config.Config;
import io.careerlens.contract.Entity;
import io.careerlens.ops.JobCounter;
import io.careerlens.ops.RunLock;
import io.careerlens.ops.RunLog;
import io.careerlens.ops.RunStatus;
import io.careerlens.warehouse.CodeGeneration;
import io.careerlens.warehouse.HadoopConf;
import io.careerlens.warehouse.SparkSessions;
import io.careerlens.warehouse.WarehouseRebuild;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;

/**
 * One command run against a warehouse: the configuration is checked first (exit 2, nothing done),
 * then the run gets its log file and the warehouse lock (a second run exits at once), and only
 * then starts Spark. Steps are timed for the log and the run summary.
 */
final class Run implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Run.class);
    final String id;
    final String command;
    final Config config;
    final Instant started = Instant.now();
    final Map<String, Long> steps = new LinkedHashMap<>();
    /** Spark jobs started by each step. */
    final Map<String, Long> stepJobs = new LinkedHashMap<>();
    private JobCounter jobs;
    final Path logFile;
    private final RunLock lock;
    private final String warehouse;
    /** the inbox the command reads (null: none): with the warehouse, it sizes the data when Spark starts */
    private final String inbox;
    private SparkSession spark;
    /** built once: loading Hadoop's default resources is not free */
    private org.apache.hadoop.conf.Configuration submittedHadoop;
    /** the run of this command, once it holds the lock: its end is recorded in the warehouse. */
    private static volatile Run current;

    private Run(CommonOptions common, String command) {
        this.command = command;
        this.config = common.config();
        this.id = RunIds.next();
        common.reports(); // a reports folder that cannot be written is a configuration error: exit 2 before anything
        this.logFile = RunLog.start(Path.of(common.logs()), id, command);
        LOG.info("{} run {} started (log: {})", command, id, logFile);
        this.warehouse = common.warehouse();
        // metrics and report read the warehouse alone: its tables size their data
        this.inbox = command.equals("nightly") || command.equals("ingest") ? common.inbox() : null;
        this.lock = RunLock.acquire(hadoop(), warehouse, command, id,
                Duration.ofHours(config.operations.lockStaleHours));
        current = this;
        // a warehouse rebuild stopped half-way is finished before anything reads the tables
        try {
            new WarehouseRebuild(hadoop(), common.warehouse()).finishInterrupted();
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Records how the command that started a run ended, in the warehouse ({@link RunStatus}); a
     * command that never took the lock has nothing to record there.
     */
    static void recordEnd(int exitStatus, String error) {
        Run run = current;
        current = null;
        if (run != null) {
            RunStatus.write(run.hadoop(), run.warehouse, run.id, run.command, run.started,
                    exitStatus, error, run.logFile);
        }
    }

    static Run start(CommonOptions common, String command) {
        return new Run(common, command);
    }

    SparkSession spark() {
        if (spark == null) {
            spark = SparkSessions.getOrCreate("careerlens-" + command);
            jobs = JobCounter.on(spark.sparkContext());
            CodeGeneration.fitTo(spark, CodeGeneration.dataBytes(hadoop(), warehouse,
                    java.util.Arrays.stream(Entity.values()).map(Entity::tableName).toList(), inbox));
        }
        return spark;
    }

    /**
     * The Hadoop configuration of this run: Spark's once Spark runs, the same settings read from the
     * submitted configuration before that.
     */
    org.apache.hadoop.conf.Configuration hadoop() {
        if (spark != null) {
            return spark.sparkContext().hadoopConfiguration();
        }
        if (submittedHadoop == null) {
            submittedHadoop = HadoopConf.get();
        }
        return submittedHadoop;
    }

    <T> T step(String name, Supplier<T> work) {
        long t0 = System.nanoTime();
        long j0 = jobCount();
        LOG.info("step {}: started", name);
        T result = work.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long j = jobCount() - j0;
        steps.put(name, ms);
        stepJobs.put(name, j);
        LOG.info("step {}: done in {} s ({} Spark jobs)", name, String.format("%.1f", ms / 1000.0), j);
        return result;
    }

    /** Spark jobs this run has started so far (0 before Spark starts). */
    long jobCount() {
        return jobs == null ? 0 : jobs.settled(spark.sparkContext());
    }

    @Override
    public void close() {
        if (jobs != null) {
            jobs.remove(spark.sparkContext());
        }
        lock.close();
    }
}
