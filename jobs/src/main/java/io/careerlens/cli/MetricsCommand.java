package io.careerlens.cli;

import io.careerlens.metrics.MetricsJob;
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
        var config = common.config();
        SparkSession spark = SparkSessions.getOrCreate("careerlens-metrics");
        Map<String, Long> written = run(spark, common);
        System.out.println(written.size() + " metric files written to " + common.reports() + "/" + common.asOf() + "/metrics");
        return Main.OK;
    }

    static Map<String, Long> run(SparkSession spark, CommonOptions common) {
        var config = common.config();
        Warehouse warehouse = new Warehouse(spark, common.warehouse());
        return new MetricsJob(spark, config, warehouse).run(common.asOf(),
                common.reports() + "/" + common.asOf() + "/metrics");
    }
}
