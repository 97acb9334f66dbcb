package io.careerlens.cli;

import io.careerlens.metrics.MetricsJob;
import io.careerlens.publish.Publisher;
import io.careerlens.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute every figure as of a date; write the metric tables and CSV files.",
            "Network growth, stage progression, follow-up compliance and data quality: Delta tables metric_<name>",
            "in the warehouse, CSV files under <reports>/<D>/metrics/."})
public class MetricsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Run run = Run.start(common, "metrics")) {
            Publisher publisher = new Publisher(Path.of(common.reports()));
            Path staging = publisher.staging(run.id);
            MetricsJob.Result result = run.step("metrics", () -> compute(run, common, staging));
            result.release();
            Map<String, Long> written = result.written();
            Path published = publisher.publishRun(staging, common.asOf().toString(), run.id,
                    run.config.reporting.retentionDays);
            System.out.println(written.size() + " metric files written to " + published.resolve("metrics"));
            return Main.OK;
        }
    }

    /**
     * Computes the metrics of D and writes their CSV files under {@code <staging>/metrics}; the
     * tables stay in memory for a report step of the same run (the caller releases them).
     */
    static MetricsJob.Result compute(Run run, CommonOptions common, Path staging) {
        Warehouse warehouse = new Warehouse(run.spark(), common.warehouse());
        return new MetricsJob(run.spark(), run.config, warehouse).compute(common.asOf(), staging.resolve("metrics").toString());
    }
}
