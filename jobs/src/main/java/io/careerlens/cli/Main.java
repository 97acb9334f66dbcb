package io.careerlens.cli;

import io.careerlens.config.ConfigException;
import java.io.PrintWriter;
import org.apache.logging.log4j.LogManager;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code careerlens <command>}: the nightly job and its steps. */
@Command(name = "careerlens", mixinStandardHelpOptions = true, version = "CareerLens 0.1.0",
        description = "Career-services networking analytics: ingest office exports, compute metrics, publish reports.",
        subcommands = {NightlyCommand.class, IngestCommand.class, MetricsCommand.class, ReportCommand.class, ValidateCommand.class, QueryCommand.class, MaintainCommand.class, GenerateCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes:", "  0  success", "  1  failure: nothing published (the run's log has the details)",
            "  2  bad usage or configuration, or another run holds the lock: nothing done",
            "  3  finished and published, but a data-quality gate tripped (see the Data quality sheet)",
            "", "'careerlens <command> --help' explains a command's options."})
public class Main implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int QUALITY_GATE = 3;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int status = execute(args);
        // the launcher's record of the command's own status: the JVM may still fail at exit while
        // writing its class archive (scripts/careerlens)
        String statusFile = System.getProperty("careerlens.exit_status_file");
        if (statusFile != null) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(statusFile), status + "\n");
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("careerlens: cannot record the exit status in " + statusFile + ": " + e.getMessage());
            }
        }
        System.exit(status);
    }

    /** Runs a command line and returns its exit code; errors become one readable line on stderr. */
    public static int execute(String... args) {
        io.careerlens.ops.RunLog.configure();
        CommandLine cl = new CommandLine(new Main());
        String[] error = new String[1];
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            Throwable root = rootCause(e);
            error[0] = oneLine(root);
            if (e instanceof ConfigException || root instanceof ConfigException) {
                err.println("careerlens: " + root.getMessage());
                err.flush();
                return USAGE;
            }
            LogManager.getLogger(io.careerlens.ops.RunLog.DETAILS).error("run failed", e);
            var log = io.careerlens.ops.RunLog.current();
            err.println("careerlens: failed: " + failure(e, root) + (log == null ? "" : " (details in " + log + ")"));
            err.flush();
            return FAILED;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("careerlens: " + e.getMessage());
            e.getCommandLine().getErr().println("Try 'careerlens " + e.getCommandLine().getCommandName()
                    .replace("careerlens", "").trim() + " --help'.");
            e.getCommandLine().getErr().flush();
            return USAGE;
        });
        int exit = cl.execute(args);
        Run.recordEnd(exit, error[0]);
        return exit;
    }

    static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && !(t instanceof ConfigException)) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * The failure in one line. A file Spark could not read (a damaged or removed warehouse file)
     * gets what to do: the inbox still holds every export, so the warehouse can be rebuilt from it.
     */
    static String failure(Throwable e, Throwable root) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.apache.spark.SparkThrowable st && st.getCondition() != null
                    && st.getCondition().startsWith("FAILED_READ_FILE")) {
                String path = st.getMessageParameters().get("path");
                if (path != null) {
                    // the kind of error only: a parser's message may quote the file's bytes (a Delta log's
                    // column statistics hold values), and this line goes to cron's mail
                    return "cannot read " + path + " (" + root.getClass().getSimpleName()
                            + "). Restore the file, or rebuild the warehouse from the inbox with"
                            + " 'careerlens ingest --full-refresh', then run 'careerlens nightly'";
                }
            }
        }
        return oneLine(root);
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
