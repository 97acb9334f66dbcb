package io.careerlens.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/** A log file per run ({@code <logs>/<run-id>-<command>.log}) besides the console: the details of a failure go there. */
public final class RunLog {
    /** logger whose messages (stack traces of failures) go to the run's file only. */
    public static final String DETAILS = "careerlens.details";
    private static final String APPENDER = "careerlens-run-file";
    private static volatile Path current;

    /** the {@code name} of CareerLens's log4j configuration. */
    private static final String CONFIGURATION = "careerlens";

    private RunLog() {
    }

    /**
     * Puts CareerLens's log settings in force unless they already are, and the run's file back if
     * they were replaced. Run with {@code java -jar} log4j starts with its bare defaults; under
     * spark-submit Spark configured it before the application jar was loaded (everything at INFO
     * on stderr) and would load its defaults again as the context starts, dropping the run's file.
     * Called before Spark starts and again once it has.
     */
    public static synchronized void configure() {
        keepSparkDefaultsOut();
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
        if (CONFIGURATION.equals(ctx.getConfiguration().getName())) {
            return;
        }
        try {
            ctx.setConfigLocation(RunLog.class.getResource("careerlens-log4j2.properties").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (current != null) {
            attach(ctx, current);
        }
    }

    /**
     * Spark re-applies its own log4j defaults at every (re)initialisation once it has applied them
     * once, whatever is configured since; spark-submit has, before the application starts. The flag
     * saying so is internal to Spark: if it cannot be reset, {@link #configure} after the context
     * started still restores the settings, and only Spark's start-up lines reach stderr.
     */
    private static void keepSparkDefaultsOut() {
        try {
            Class<?> logging = Class.forName("org.apache.spark.internal.Logging$");
            Object module = logging.getField("MODULE$").get(null);
            logging.getMethod("org$apache$spark$internal$Logging$$defaultSparkLog4jConfig_$eq", boolean.class)
                    .invoke(module, false);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // a Spark without that flag: the second configure() covers it
        }
    }

    public static synchronized Path start(Path dir, String runId, String command) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            return null;
        }
        Path file = dir.resolve(runId + "-" + command + ".log");
        attach((LoggerContext) LogManager.getContext(false), file);
        current = file;
        return file;
    }

    private static void attach(LoggerContext ctx, Path file) {
        Configuration cfg = ctx.getConfiguration();
        var old = cfg.getAppender(APPENDER);
        if (old != null) {
            cfg.getRootLogger().removeAppender(APPENDER);
            cfg.getLoggerConfig(DETAILS).removeAppender(APPENDER);
            old.stop();
        }
        PatternLayout layout = PatternLayout.newBuilder().withConfiguration(cfg)
                .withPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5p %c{1}: %m%n").build();
        FileAppender app = FileAppender.newBuilder().setName(APPENDER).withFileName(file.toString()).setLayout(layout)
                .setConfiguration(cfg).build();
        app.start();
        cfg.addAppender(app);
        cfg.getRootLogger().addAppender(app, Level.INFO, null);
        cfg.getLoggerConfig(DETAILS).addAppender(app, Level.ALL, null);
        ctx.updateLoggers();
    }

    /** the log file of the running command, or null. */
    public static Path current() {
        return current;
    }
}
