package io.careerlens.cli;

import io.careerlens.ingest.Entity;
import io.careerlens.ingest.IngestReport;
import io.careerlens.ingest.Ingestor;
import io.careerlens.ops.Faults;
import io.careerlens.report.Publisher;
import io.careerlens.report.ReportJob;
import io.careerlens.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"The nightly job: ingest, compute the metrics, write the reports, publish them.",
            "Figures are as of --as-of (default: today in reporting.timezone); <reports>/<D>/ is published in one",
            "step, with run-summary.json. With no options it runs on the bundled sample data and writes under var/."})
public class NightlyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Run run = Run.start(common, "nightly")) {
            LocalDate asOf = common.asOf();
            Warehouse warehouse = new Warehouse(run.spark(), common.warehouse());
            IngestReport ingest = run.step("ingest",
                    () -> new Ingestor(run.spark(), run.config, warehouse, run.id).run(common.inbox()));
            Faults.at("ingest.done");
            Publisher publisher = new Publisher(Path.of(common.reports()));
            Path staging = publisher.staging(run.id);
            Map<String, Long> metricFiles = run.step("metrics", () -> MetricsCommand.compute(run, common, staging));
            Faults.at("metrics.done");
            run.step("report", () -> {
                try {
                    return new ReportJob(run.config, warehouse).write(asOf, staging);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Faults.at("report.done");
            int exit = IngestCommand.exitCode(ingest);
            var summary = RunSummary.build(run, asOf, ingest, tableRows(warehouse), metricFiles, exit);
            RunSummary.write(summary, staging.resolve("run-summary.json"));
            List<String> expected = new java.util.ArrayList<>(ReportJob.expectedFiles(run.config));
            expected.add("run-summary.json");
            expected.add("metrics/stage_funnel.csv");
            Publisher.check(staging, expected);
            Path published = run.step("publish", () -> publisher.publishRun(staging, asOf.toString(), run.id,
                    run.config.reporting.retentionDays));
            if (common.json) {
                summary.put("published", published.toString());
                IngestOutput.printJson(summary, System.out);
            } else {
                IngestOutput.printTable(ingest, System.out, false);
                System.out.println("reports for " + asOf + " published in " + published + (exit == Main.QUALITY_GATE
                        ? " — data-quality gate tripped: see the quarantined files above (exit 3)" : ""));
            }
            return exit;
        }
    }

    private static Map<String, Long> tableRows(Warehouse warehouse) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Entity e : Entity.values()) {
            rows.put(e.tableName(), warehouse.exists(e.tableName()) ? warehouse.read(e.tableName()).count() : 0);
        }
        rows.put(Warehouse.REJECTS, warehouse.exists(Warehouse.REJECTS) ? warehouse.read(Warehouse.REJECTS).count() : 0);
        return rows;
    }
}
