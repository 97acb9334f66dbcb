package io.careerlens.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careerlens.cli.Main;
import io.careerlens.testing.Inboxes;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst's path, end to end: a Spark standalone Master and Worker started from the Maven
 * class path on 127.0.0.1 (a Spark "installation" whose jars/ folder is Spark's runtime without
 * what the cluster jar brings), the cluster jar's {@code nightly} submitted with spark-submit in
 * client mode from another working directory with a configuration whose paths are relative, and an
 * ad hoc query through spark-submit. Its figures must equal a local-mode run's. Runs in
 * {@code mvn verify} (failsafe), after the jar is packaged; it stops everything it started.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final String AS_OF = "2026-11-20";
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path CLUSTER_JAR = TARGET.resolve("careerlens-jobs-cluster.jar");

    @TempDir
    static Path tmp;
    static Path sparkHome;
    static final List<Process> started = new ArrayList<>();
    static String master;
    static Submitted nightly;
    static int localExit;

    record Submitted(int exit, String stdout, List<String> stderr) {
    }

    @BeforeAll
    static void startClusterAndRunBothWays() throws Exception {
        assertTrue(Files.isRegularFile(CLUSTER_JAR), "package the jars first (mvn verify does): " + CLUSTER_JAR);
        sparkHome = sparkHome();
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        Path logs = Files.createDirectories(tmp.resolve("cluster-logs"));
        Process m = spark(logs.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--webui-port", String.valueOf(freePort()));
        awaitLine(logs.resolve("master.log"), "I have been elected leader", m);
        Process w = spark(logs.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1",
                "--cores", "2", "--memory", "2g", "--webui-port", String.valueOf(freePort()),
                "--work-dir", tmp.resolve("worker").toString());
        awaitLine(logs.resolve("worker.log"), "Successfully registered with master", w);

        localExit = Main.execute("nightly", "--config", site("local").resolve("careerlens.yaml").toString(), "--as-of", AS_OF);
        site("cluster");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        nightly = submit(elsewhere, "nightly", "--config", "../cluster/careerlens.yaml", "--as-of", AS_OF);
    }

    @AfterAll
    static void stopCluster() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : started) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    @Order(1)
    void theClusterJarHoldsCareerLensAndWhatSparkLacksOnly() throws IOException {
        try (JarFile jar = new JarFile(CLUSTER_JAR.toFile())) {
            for (String kept : List.of("io/careerlens/cli/Main.class", "io/careerlens/report/WorkbookWriter.class",
                    "io/delta/sql/DeltaSparkSessionExtension.class", "org/apache/commons/csv/CSVParser.class",
                    "picocli/CommandLine.class", "org/apache/poi/xssf/usermodel/XSSFWorkbook.class",
                    "org/jfree/chart/JFreeChart.class")) {
                assertNotNull(jar.getEntry(kept), kept);
            }
            for (String provided : List.of("scala/Option.class", "org/apache/spark/SparkContext.class",
                    "org/apache/parquet/hadoop/ParquetWriter.class", "com/fasterxml/jackson/databind/ObjectMapper.class",
                    "org/apache/commons/io/IOUtils.class", "org/xerial/snappy/Snappy.class", "org/slf4j/Logger.class",
                    "org/apache/logging/log4j/core/LoggerContext.class", "org/roaringbitmap/RoaringBitmap.class",
                    "org/apache/hadoop/fs/FileSystem.class")) {
                assertNull(jar.getEntry(provided), provided + " is the cluster's to provide");
            }
            var manifest = jar.getManifest().getMainAttributes();
            assertNull(manifest.getValue("Class-Path"), "the local jar's lib/ class path must not leak into the cluster jar");
            assertTrue(manifest.getValue("Built-For-Spark").startsWith("4.2"), manifest.getValue("Built-For-Spark"));
        }
        assertTrue(Files.size(CLUSTER_JAR) < 40L << 20, "cluster jar of " + (Files.size(CLUSTER_JAR) >> 20) + " MB");
    }

    @Test
    @Order(2)
    void theSubmittedNightlyPublishesTheSameFiguresAsLocalMode() throws IOException {
        assertEquals(localExit, nightly.exit(), "spark-submit's exit status is the run's: " + tail(nightly.stderr()));
        // relative paths of the configuration resolved against its folder, not the working directory
        Path published = tmp.resolve("cluster/reports").resolve(AS_OF);
        for (String f : List.of("index.html", "all-offices.xlsx", "offices/north.xlsx", "run-summary.json")) {
            assertTrue(Files.size(published.resolve(f)) > 0, f);
        }
        assertFalse(Files.exists(tmp.resolve("elsewhere/reports")));
        Map<String, List<List<String>>> local = metricCsvs(tmp.resolve("local/reports").resolve(AS_OF).resolve("metrics"));
        Map<String, List<List<String>>> cluster = metricCsvs(published.resolve("metrics"));
        assertTrue(local.size() >= 12, "metric files: " + local.keySet());
        assertEquals(local.keySet(), cluster.keySet());
        for (String f : local.keySet()) {
            assertEquals(local.get(f), cluster.get(f), f);
        }
    }

    @Test
    @Order(3)
    void theRunLogHasTheStepsAndSparkKeepsQuiet() throws IOException {
        Path logs = tmp.resolve("cluster/logs");
        Path log;
        try (Stream<Path> s = Files.list(logs)) {
            log = s.filter(p -> p.toString().endsWith("-nightly.log")).findFirst().orElseThrow();
        }
        String text = Files.readString(log);
        for (String step : List.of("step ingest: done", "step metrics: done", "step report: done", "step publish: done")) {
            assertTrue(text.contains(step), step + " in " + log);
        }
        long sparkInfo = nightly.stderr().stream().filter(l -> l.contains(" INFO ") && !l.contains(" INFO  ")).count();
        assertTrue(sparkInfo <= 5, "Spark INFO lines on stderr: " + sparkInfo + "\n" + tail(nightly.stderr()));
        assertTrue(nightly.stderr().size() < 60, "stderr lines: " + nightly.stderr().size());
    }

    @Test
    @Order(4)
    void tablesAreWrittenInFilesSizedToTheData() throws IOException {
        for (String table : List.of("events", "contacts", "metric_followup_items", "metric_action_list")) {
            long files;
            try (Stream<Path> s = Files.walk(tmp.resolve("cluster/wh").resolve(table))) {
                files = s.filter(p -> p.toString().endsWith(".parquet")).count();
            }
            assertTrue(files <= 4, table + " written as " + files + " files (200 shuffle partitions?)");
        }
    }

    @Test
    @Order(5)
    void theExitStatusIsKeptInTheWarehouse() throws IOException {
        JsonNode last = new ObjectMapper().readTree(tmp.resolve("cluster/wh/_careerlens/last-run.json").toFile());
        assertEquals("nightly", last.path("command").asText());
        assertEquals(nightly.exit(), last.path("exit_status").asInt());
    }

    @Test
    @Order(6)
    void anAdHocQueryThroughSparkSubmitReadsTheDeltaTables() throws Exception {
        Submitted q = submit(tmp.resolve("elsewhere"), "query", "--config", "../cluster/careerlens.yaml",
                "SELECT count(*) AS events FROM delta.`" + tmp.resolve("cluster/wh/events") + "`");
        assertEquals(0, q.exit(), tail(q.stderr()));
        JsonNode summary = new ObjectMapper().readTree(tmp.resolve("cluster/reports").resolve(AS_OF)
                .resolve("run-summary.json").toFile());
        assertEquals("events\n" + summary.path("rows_per_table").path("events").asLong() + "\n", q.stdout());
    }

    @Test
    @Order(7)
    void theWeeklyMaintenanceRunsThroughSparkSubmitAndChangesNoTable() throws Exception {
        long version = io.careerlens.warehouse.Warehouse.latestCommit(io.careerlens.warehouse.HadoopConf.get(),
                tmp.resolve("cluster/wh").toString(), "events").version();
        Submitted m = submit(tmp.resolve("elsewhere"), "maintain", "--config", "../cluster/careerlens.yaml");
        assertEquals(0, m.exit(), tail(m.stderr()));
        assertTrue(m.stdout().contains(" tables; VACUUM ran on "), m.stdout());
        assertEquals(version, io.careerlens.warehouse.Warehouse.latestCommit(io.careerlens.warehouse.HadoopConf.get(),
                tmp.resolve("cluster/wh").toString(), "events").version(), "no commit");
    }

    // ---- the cluster and its Spark "installation"

    /**
     * SPARK_HOME/jars: the Spark runtime Maven resolved for the local build (target/lib), minus
     * every library the cluster jar carries itself; the worker launches executors from it.
     */
    private static Path sparkHome() throws IOException {
        Path jars = Files.createDirectories(tmp.resolve("spark/jars"));
        try (JarFile cluster = new JarFile(CLUSTER_JAR.toFile()); Stream<Path> lib = Files.list(TARGET.resolve("lib"))) {
            for (Path j : lib.toList()) {
                if (!carriedBy(cluster, j)) {
                    Files.createSymbolicLink(jars.resolve(j.getFileName()), j);
                }
            }
        }
        return tmp.resolve("spark");
    }

    private static boolean carriedBy(JarFile cluster, Path library) throws IOException {
        try (JarFile j = new JarFile(library.toFile())) {
            return j.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .findFirst().map(n -> cluster.getEntry(n) != null).orElse(false);
        }
    }

    private static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(Arrays.asList(System.getProperty("spark.module.flags", "").trim().split("\\s+")));
        cmd.add("-Xmx1g");
        cmd.add("-cp");
        cmd.add(sparkHome.resolve("jars") + File.separator + "*");
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        cmd.removeIf(String::isEmpty);
        return cmd;
    }

    private static ProcessBuilder withSparkEnv(ProcessBuilder pb) {
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.remove("SPARK_CONF_DIR");
        return pb;
    }

    private static Process spark(Path log, String mainClass, String... args) throws IOException {
        Process p = withSparkEnv(new ProcessBuilder(java(mainClass, args))).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        started.add(p);
        return p;
    }

    /** spark-submit (client deploy mode, as cron would run it) of the cluster jar. */
    private static Submitted submit(Path workDir, String... careerlensArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client",
                "--conf", "spark.executor.memory=1g", "--class", "io.careerlens.cli.Main", CLUSTER_JAR.toString()));
        args.addAll(Arrays.asList(careerlensArgs));
        Path out = Files.createTempFile(tmp, "submit", ".out");
        Path err = Files.createTempFile(tmp, "submit", ".err");
        Process p = withSparkEnv(new ProcessBuilder(java("org.apache.spark.deploy.SparkSubmit", args.toArray(String[]::new))))
                .directory(workDir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("spark-submit did not finish in 10 minutes: " + tail(Files.readAllLines(err)));
        }
        return new Submitted(p.exitValue(), Files.readString(out), Files.readAllLines(err));
    }

    private static void awaitLine(Path log, String text, Process p) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no '" + text + "' in " + log + ":\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    // ---- the two sites: a configuration with relative paths beside a copy of the sample inbox

    private static Path site(String name) throws IOException {
        Path site = Files.createDirectories(tmp.resolve(name));
        Inboxes.copyTree(Path.of("../sample-data/inbox").toAbsolutePath(), site.resolve("inbox"));
        String config = Files.readString(Path.of("../sample-data/careerlens.yaml"));
        config = config.replaceFirst("(?s)paths:.*?\\n\\n", "paths: {inbox: inbox, warehouse: wh, reports: reports, logs: logs}\n\n");
        Files.writeString(site.resolve("careerlens.yaml"), config);
        return site;
    }

    /** every metric CSV (office folders included) without the run_id column, which names the run. */
    private static Map<String, List<List<String>>> metricCsvs(Path dir) throws IOException {
        Map<String, List<List<String>>> files = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv")).toList()) {
                try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    List<CSVRecord> records = CSVFormat.RFC4180.parse(r).getRecords();
                    int runId = records.isEmpty() ? -1 : records.get(0).toList().indexOf("run_id");
                    List<List<String>> rows = new ArrayList<>();
                    for (CSVRecord rec : records) {
                        List<String> row = new ArrayList<>(rec.toList());
                        if (runId >= 0) {
                            row.remove(runId);
                        }
                        rows.add(row);
                    }
                    files.put(dir.relativize(f).toString(), rows);
                }
            }
        }
        return files;
    }

    private static String tail(List<String> lines) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }
}
