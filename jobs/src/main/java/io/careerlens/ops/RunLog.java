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

    private RunLog() {
    }

    public static synchronized Path start(Path dir, String runId, String command) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            return null;
        }
        Path file = dir.resolve(runId + "-" + command + ".log");
        LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
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
        current = file;
        return file;
    }

    /** the log file of the running command, or null. */
    public static Path current() {
        return current;
    }
}
