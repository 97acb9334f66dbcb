package io.careerlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/careerlens as the cron job and the README run it, on the packaged jar ({@code mvn
 * verify}): the class archive is written by a nightly, used by later runs, written again when the
 * build is newer, never by another command, never with CAREERLENS_CLASS_ARCHIVE=off, and its
 * notices never reach the output. (Help runs: the archive logic without a Spark run.)
 */
class LauncherIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path LAUNCHER = TARGET.resolve("../../scripts/careerlens").normalize();

    record Ran(int exit, String out) {
    }

    private static Ran run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(LAUNCHER, env, args);
    }

    private static Ran run(Path launcher, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("CAREERLENS_JAVA_OPTS");
        pb.environment().remove("CAREERLENS_CLASS_ARCHIVE");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the launcher finished");
        return new Ran(p.exitValue(), out);
    }

    private static List<Path> archives() throws IOException {
        try (Stream<Path> s = Files.list(TARGET)) {
            return s.filter(p -> p.getFileName().toString().matches("careerlens-.*\\.jsa(\\..*)?")).sorted().toList();
        }
    }

    @BeforeEach
    void noArchive() throws IOException {
        assertTrue(Files.isRegularFile(TARGET.resolve("careerlens-jobs.jar")), "package the jar first (mvn verify does)");
        for (Path p : archives()) {
            Files.delete(p);
        }
    }

    private static void assertClean(Ran r) {
        assertEquals(0, r.exit(), r.out());
        assertFalse(r.out().contains("[cds") || r.out().contains("shared archive") || r.out().contains("[warning]"), r.out());
    }

    @Test
    void aNightlyArchivesTheClassesAndLaterRunsUseThem() throws Exception {
        Ran first = run(Map.of(), "nightly", "--help");
        assertClean(first);
        assertTrue(first.out().contains("The nightly job"), first.out());
        List<Path> made = archives();
        assertEquals(1, made.size(), "one archive, no temporary file left: " + made);
        Path archive = made.get(0);
        assertTrue(archive.getFileName().toString().endsWith(".jsa"));
        FileTime written = Files.getLastModifiedTime(archive);

        // another command uses the archive and does not write one
        Ran version = run(Map.of(), "--version");
        assertClean(version);
        assertTrue(version.out().contains("CareerLens"), version.out());
        assertEquals(written, Files.getLastModifiedTime(archive));
        assertEquals(List.of(archive), archives());

        // a build newer than the archive: the archive is not used, and the next nightly writes it again
        Files.setLastModifiedTime(archive, FileTime.fromMillis(
                Files.getLastModifiedTime(TARGET.resolve("careerlens-jobs.jar")).toMillis() - 60_000));
        assertClean(run(Map.of(), "--version"));
        assertClean(run(Map.of(), "nightly", "--help"));
        assertEquals(1, archives().size());
        assertTrue(Files.getLastModifiedTime(archives().get(0)).compareTo(Files.getLastModifiedTime(
                TARGET.resolve("careerlens-jobs.jar"))) > 0, "written again after the build");
    }

    /**
     * A Spark task that fails (here an ANSI overflow in a query) reaches the terminal as Spark's ERROR
     * lines and one line saying what failed, without Spark's stack trace.
     */
    @Test
    void aFailingTaskShowsNoStackTrace(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("wh"));
        Ran r = run(Map.of(), "query", "--config", Path.of("../sample-data/careerlens.yaml").toAbsolutePath().toString(),
                "--warehouse", dir.resolve("wh").toString(), "SELECT sum(id * 9223372036854775807) AS s FROM range(10)");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().contains("careerlens: failed: [ARITHMETIC_OVERFLOW]"), r.out());
        assertTrue(r.out().contains("ERROR Executor: Exception in task"), r.out());
        assertFalse(r.out().lines().anyMatch(l -> l.matches("\\s+at .*")), r.out());
    }

    /** The cron wrapper runs the weekly maintenance as it runs the nightly: a dated log, one status line, the exit status. */
    @Test
    void theCronWrapperRunsTheWeeklyMaintenance(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("wh"));
        Ran r = run(LAUNCHER.resolveSibling("cron/careerlens-nightly.sh"), Map.of(
                "CAREERLENS_CRON_LOGS", dir.resolve("logs").toString(),
                "CAREERLENS_CONFIG", Path.of("../sample-data/careerlens.yaml").toAbsolutePath().toString()),
                "maintain", "--warehouse", dir.resolve("wh").toString());
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("careerlens maintain on ") && r.out().contains("exit 0 — OK"), r.out());
        try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
            Path log = logs.filter(p -> p.getFileName().toString().startsWith("maintain-")).findFirst().orElseThrow();
            assertTrue(Files.readString(log).contains("nothing to do"), Files.readString(log));
        }
    }

    /**
     * A source newer than the jar makes the launcher build once, even when Maven leaves the jar as it
     * was (a pom-only change): the next run does not build again. Run on a stand-in home whose mvn
     * only counts its calls, so the real build is not touched.
     */
    @Test
    void aChangeMavenDoesNotRepackageIsBuiltOnceNotOnEveryRun(@TempDir Path home) throws Exception {
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Files.copy(LAUNCHER, scripts.resolve("careerlens"));
        scripts.resolve("careerlens").toFile().setExecutable(true);
        for (String dir : List.of("jobs/src/main", "reports/src/main", "jobs/target/lib")) {
            Files.createDirectories(home.resolve(dir));
        }
        Path jar = Files.writeString(home.resolve("jobs/target/careerlens-jobs.jar"), "stand-in");
        Files.writeString(home.resolve("jobs/target/lib/spark-sql_2.13-0.jar"), "");
        for (String pom : List.of("pom.xml", "jobs/pom.xml", "reports/pom.xml")) {
            Files.writeString(home.resolve(pom), "<project/>");
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000)); // the pom changed since
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path builds = home.resolve("builds");
        // Maven's package step on an unchanged module: lib/ filled again, the jar left alone
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho build >> '" + builds + "'\nmkdir -p jobs/target/lib\n"
                + ": > jobs/target/lib/spark-sql_2.13-0.jar\n");
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nexit 0\n");
        bin.resolve("mvn").toFile().setExecutable(true);
        bin.resolve("java").toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "CAREERLENS_CLASS_ARCHIVE", "off");
        for (int i = 0; i < 2; i++) {
            Ran r = run(scripts.resolve("careerlens"), env, "--version");
            assertEquals(0, r.exit(), r.out());
        }
        assertEquals(List.of("build"), Files.readAllLines(builds), "built by the first run only");
    }

    @Test
    void offMeansNoArchive() throws Exception {
        assertClean(run(Map.of("CAREERLENS_CLASS_ARCHIVE", "off"), "nightly", "--help"));
        assertEquals(List.of(), archives());
    }

    @Test
    void theArchiveGoesToTheFolderNamedAndNowhereWhenItCannotBeWritten(@TempDir Path folder) throws Exception {
        assertClean(run(Map.of("CAREERLENS_CLASS_ARCHIVE", folder.toString()), "nightly", "--help"));
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().endsWith(".jsa")).count());
        }
        assertEquals(List.of(), archives());
        // a folder that is not there: the run goes on without an archive, with its own exit status
        Ran missing = run(Map.of("CAREERLENS_CLASS_ARCHIVE", folder.resolve("missing").toString()), "nightly", "--help");
        assertClean(missing);
        assertFalse(Files.exists(folder.resolve("missing")));
        assertEquals(2, run(Map.of("CAREERLENS_CLASS_ARCHIVE", folder.resolve("missing").toString()), "nightly",
                "--no-such-option").exit());
        // an archiving run (the archive there is a partial one) ends with the command's status too
        Ran usage = run(Map.of("CAREERLENS_CLASS_ARCHIVE", folder.toString()), "nightly", "--no-such-option");
        assertEquals(2, usage.exit(), usage.out());
    }
}
