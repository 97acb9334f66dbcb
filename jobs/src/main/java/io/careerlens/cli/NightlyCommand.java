package io.careerlens.cli;

import io.careerlens.ingest.IngestReport;
import io.careerlens.ingest.Ingestor;
import io.careerlens.warehouse.SparkSessions;
import io.careerlens.warehouse.Warehouse;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"The nightly job: ingest the inbox into the warehouse, then compute the metrics as of --as-of (default today).",
            "With no options it runs on the bundled sample data and writes under var/."})
public class NightlyCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var config = common.config();
        SparkSession spark = SparkSessions.getOrCreate("careerlens-nightly");
        IngestReport report = new Ingestor(spark, config, new Warehouse(spark, common.warehouse()), RunIds.next())
                .run(common.inbox());
        var written = MetricsCommand.run(spark, common);
        if (common.json) {
            var node = IngestOutput.json(report);
            node.put("as_of", common.asOf().toString());
            node.put("metric_files", written.size());
            IngestOutput.printJson(node, System.out);
        } else {
            IngestOutput.printTable(report, System.out, false);
            System.out.println(written.size() + " metric files written to " + common.reports() + "/" + common.asOf() + "/metrics");
        }
        return IngestCommand.exitCode(report);
    }
}
