package io.careerlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.careerlens.contract.Entity;
import io.careerlens.ingest.IngestReport;
import io.careerlens.ops.Faults;
import io.careerlens.publish.Publisher;
import io.careerlens.publish.ReportJob;
import io.careerlens.warehouse.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"The nightly job: ingest, compute the metrics, write the reports, publish them.",
            "Figures are as of --as-of (default: today in reporting.timezone); <reports>/<D>/ is published in one",
            "step, with run-summary.json. With no options it runs on the bundled sample data and writes under var/."})
public class NightlyCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(NightlyCommand.class);

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Run run = Run.start(common, "nightly")) {
            LocalDate asOf = common.asOf();
            // Spark starts only when there is work for it: a night with nothing new and figures already
            // published for D is decided from the inbox listing and the warehouse's logs alone
            IngestReport ingest = run.step("ingest", () -> IngestCommand.ingest(run, common));
            Faults.at("ingest.done");
            Publisher publisher = new Publisher(Path.of(common.reports()));
            Path staging = publisher.staging(run.id);
            String fingerprint = InputsFingerprint.of(run.hadoop(), common.warehouse(), run.config, asOf);
            JsonNode previous = InputsFingerprint.published(Path.of(common.reports()), asOf).orElse(null);
            boolean unchanged = fingerprint != null && previous != null
                    && fingerprint.equals(previous.path(InputsFingerprint.KEY).asText(null));
            Map<String, Long> metricFiles;
            Map<String, Long> tableRows;
            if (unchanged) {
                // same data, configuration and build as the run that published D: its figures stand
                String by = previous.path("run_id").asText();
                LOG.info("nothing changed since run {} published {}: its metrics and reports are kept, not recomputed", by, asOf);
                metricFiles = numbers(previous.path("metric_file_rows"));
                tableRows = numbers(previous.path("rows_per_table"));
            } else {
                Warehouse warehouse = new Warehouse(run.spark(), common.warehouse());
                var computed = run.step("metrics", () -> MetricsCommand.compute(run, common, staging));
                metricFiles = computed.written();
                try {
                    Faults.at("metrics.done");
                    run.step("report", () -> {
                        try {
                            return new ReportJob(run.config, warehouse).withComputed(computed.tables())
                                    .withOutcome(outcome(run.id, ingest)).write(asOf, staging);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                } finally {
                    computed.release();
                }
                Faults.at("report.done");
                tableRows = tableRows(warehouse);
            }
            int exit = IngestCommand.exitCode(ingest);
            var summary = RunSummary.build(run, asOf, ingest, tableRows, metricFiles, exit);
            summary.put(InputsFingerprint.KEY, fingerprint);
            if (unchanged) {
                summary.put("reports_reused_from_run", previous.path("run_id").asText());
            }
            RunSummary.write(summary, staging.resolve("run-summary.json"));
            List<String> expected = new java.util.ArrayList<>(unchanged ? List.of() : ReportJob.expectedFiles(run.config));
            expected.add("run-summary.json");
            if (!unchanged) {
                expected.add("metrics/stage_funnel.csv");
            }
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

    /** what the ingest of this run decides of its exit status, for the index page the report step writes. */
    static io.careerlens.report.RunOutcome outcome(String runId, io.careerlens.ingest.IngestReport ingest) {
        List<io.careerlens.report.RunOutcome.HeldBack> held = ingest.files().stream()
                .filter(f -> f.status().equals(io.careerlens.ingest.FileResult.QUARANTINED)
                        || f.status().equals(io.careerlens.ingest.FileResult.REJECTED_FILE))
                .map(f -> new io.careerlens.report.RunOutcome.HeldBack(f.path(), f.status(), f.reason()))
                .toList();
        return new io.careerlens.report.RunOutcome(runId, "nightly", IngestCommand.exitCode(ingest), held);
    }

    private static Map<String, Long> numbers(JsonNode object) {
        Map<String, Long> m = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
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
