package io.careerlens.cli;

import io.careerlens.metrics.MetricsJob;
import io.careerlens.report.Publisher;
import java.nio.file.Path;
import io.careerlens.warehouse.SparkSessions;
import io.careerlens.warehouse.Warehouse;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Compute every figure as of a date: network growth, stage progression, follow-up compliance,",
            "data quality. Writes the metric tables to the warehouse and CSV files to <reports>/<D>/metrics/."})
public class MetricsCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        common.config();
        SparkSession spark = SparkSessions.getOrCreate("careerlens-metrics");
        Publisher publisher = new Publisher(Path.of(common.reports()));
        Path staging = publisher.staging(RunIds.next());
        Map<String, Long> written = run(spark, common, staging);
        Path published = publisher.publish(staging, common.asOf().toString());
        System.out.println(written.size() + " metric files written to " + published.resolve("metrics"));
        return Main.OK;
    }

    /** computes the metrics of D and writes their CSV files under {@code <staging>/metrics}. */
    static Map<String, Long> run(SparkSession spark, CommonOptions common, Path staging) {
        Warehouse warehouse = new Warehouse(spark, common.warehouse());
        return new MetricsJob(spark, common.config(), warehouse).run(common.asOf(), staging.resolve("metrics").toString());
    }
}
