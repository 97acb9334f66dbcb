package io.careerlens.cli;

import io.careerlens.generate.InboxGenerator;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a synthetic inbox in the SPEC layout, deterministic for a seed.",
            "Realistic students, contacts and activities, with the given share of damaged rows."})
public class GenerateCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the inbox into.")
    Path out;

    @Option(names = "--offices", defaultValue = "3", description = "Number of offices (default: ${DEFAULT-VALUE}).")
    int offices;

    @Option(names = "--students-per-office", defaultValue = "40", description = "Students per office (default: ${DEFAULT-VALUE}).")
    int studentsPerOffice;

    @Option(names = "--from", defaultValue = "2025-09-01", description = "First activity date (default: ${DEFAULT-VALUE}).")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2026-10-31", description = "Last export date (default: ${DEFAULT-VALUE}).")
    LocalDate to;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dirty-rate", defaultValue = "0.0", description = "Share of damaged rows, 0..1 (default: ${DEFAULT-VALUE}).")
    double dirtyRate;

    @Option(names = "--exports", defaultValue = "3", description = "Export dates per office (default: ${DEFAULT-VALUE}).")
    int exports;

    @Option(names = "--linkedin-office", description = "Add an office whose contacts arrive as a LinkedIn Connections.csv export.")
    boolean linkedinOffice;

    @Option(names = "--config-out", paramLabel = "FILE", description = "Also write a configuration for the generated offices.")
    Path configOut;

    @Override
    public Integer call() throws Exception {
        if (offices < 1 || studentsPerOffice < 1 || exports < 1 || !to.isAfter(from) || dirtyRate < 0 || dirtyRate > 1) {
            throw new io.careerlens.config.ConfigException(
                    "generate: need --offices, --students-per-office and --exports of at least 1, --to after --from, --dirty-rate in 0..1");
        }
        InboxGenerator generator = new InboxGenerator(seed, dirtyRate);
        var summary = generator.generate(out, generator.offices(offices, linkedinOffice), studentsPerOffice, from, to,
                exports, configOut);
        System.out.println(summary);
        return Main.OK;
    }
}
