package io.careerlens.cli;

import io.careerlens.config.Config;
import io.careerlens.config.ConfigException;
import io.careerlens.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every command shares. One rule for relative paths, in every mode (launcher, spark-submit
 * client or cluster deploy mode): a path in the configuration file is relative to that file's
 * folder, a path on the command line to the working directory. Reports and logs are written with
 * local file APIs and published by an atomic rename, so they must be local (or mounted) folders;
 * the warehouse and the inbox may be any Hadoop file-system URI.
 */
public class CommonOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: sample-data/careerlens.yaml of this installation).")
    Path config;

    @Option(names = "--inbox", paramLabel = "DIR", description = "Inbox of exports (default: paths.inbox of the configuration).")
    String inbox;

    @Option(names = "--warehouse", paramLabel = "URI",
            description = "Warehouse: a local folder or any Hadoop file-system URI such as hdfs:// or s3a:// (default: paths.warehouse).")
    String warehouse;

    @Option(names = "--reports", paramLabel = "DIR", description = "Report folder (default: paths.reports).")
    String reports;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "Date the figures are computed for (default: today in reporting.timezone).")
    java.time.LocalDate asOf;

    @Option(names = "--json", description = "End with one JSON object on standard output instead of the table.")
    boolean json;

    private Config loaded;

    /** where the launcher says the project lives; the working directory otherwise. */
    static Path home() {
        String h = System.getProperty("careerlens.home");
        return Path.of(h == null || h.isBlank() ? "." : h).toAbsolutePath().normalize();
    }

    Config config() {
        if (loaded == null) {
            Path file = configFile();
            if (config == null && !Files.exists(file)) {
                throw new ConfigException("no --config given and no default configuration at " + file);
            }
            loaded = ConfigLoader.load(file);
        }
        return loaded;
    }

    /** the configuration file in use: --config, or the sample configuration of this installation. */
    Path configFile() {
        return (config != null ? config : home().resolve("sample-data/careerlens.yaml")).toAbsolutePath().normalize();
    }

    /** a path from the configuration file, made absolute against the file's folder unless it is a URI. */
    String fromConfig(String value) {
        return isUri(value) ? value : configFile().getParent().resolve(value).normalize().toString();
    }

    /** a path given on the command line: a URI as it is, a file path made absolute against the working directory. */
    static String fromCommandLine(String value) {
        return isUri(value) ? value : Path.of(value).toAbsolutePath().normalize().toString();
    }

    private static boolean isUri(String value) {
        return value.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*");
    }

    /**
     * A folder CareerLens writes with local file APIs (reports, logs): a path, or a {@code file:}
     * URI. Any other URI stops the command (exit 2) instead of creating a local folder named
     * {@code hdfs:} — naming the option or key it came from.
     */
    static String localFolder(String source, String value) {
        if (!isUri(value)) {
            return value;
        }
        java.net.URI uri = java.net.URI.create(value);
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return Path.of(uri).toString();
        }
        throw new ConfigException(source + " is " + value + ": reports and logs must be a local folder (or a shared mount "
                + "such as NFS), because workbooks are written with local file APIs and published by an atomic rename. "
                + "The warehouse and inbox may be on " + uri.getScheme() + "://; copy the published reports there afterwards "
                + "if needed (e.g. hdfs dfs -put)");
    }

    String inbox() {
        return inbox != null ? fromCommandLine(inbox) : fromConfig(config().paths.inbox);
    }

    String logs() {
        return localFolder("paths.logs", fromConfig(config().paths.logs));
    }

    String reports() {
        return reports != null ? localFolder("--reports", fromCommandLine(reports))
                : localFolder("paths.reports", fromConfig(config().paths.reports));
    }

    java.time.LocalDate asOf() {
        return asOf != null ? asOf : java.time.LocalDate.now(java.time.ZoneId.of(config().reporting.timezone));
    }

    String warehouse() {
        return warehouse != null ? fromCommandLine(warehouse) : fromConfig(config().paths.warehouse);
    }
}
