package io.careerlens.cli;

import io.careerlens.config.Config;
import io.careerlens.config.ConfigException;
import io.careerlens.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares. Paths on the command line are taken as given; config paths are relative to the project home. */
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
            Path file = config != null ? config : home().resolve("sample-data/careerlens.yaml");
            if (config == null && !Files.exists(file)) {
                throw new ConfigException("no --config given and no default configuration at " + file);
            }
            loaded = ConfigLoader.load(file);
        }
        return loaded;
    }

    /** a path from the configuration file, made absolute against the project home unless it is a URI. */
    static String fromConfig(String value) {
        return isUri(value) ? value : home().resolve(value).normalize().toString();
    }

    /** a path given on the command line: a URI as it is, a file path made absolute against the working directory. */
    static String fromCommandLine(String value) {
        return isUri(value) ? value : Path.of(value).toAbsolutePath().normalize().toString();
    }

    private static boolean isUri(String value) {
        return value.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:/.*");
    }

    String inbox() {
        return inbox != null ? fromCommandLine(inbox) : fromConfig(config().paths.inbox);
    }

    String logs() {
        return fromConfig(config().paths.logs);
    }

    String reports() {
        return reports != null ? fromCommandLine(reports) : fromConfig(config().paths.reports);
    }

    java.time.LocalDate asOf() {
        return asOf != null ? asOf : java.time.LocalDate.now(java.time.ZoneId.of(config().reporting.timezone));
    }

    String warehouse() {
        return warehouse != null ? fromCommandLine(warehouse) : fromConfig(config().paths.warehouse);
    }
}
