package io.careerlens.cli;

import io.careerlens.ingest.IngestReport;
import io.careerlens.ingest.Ingestor;
import io.careerlens.report.Publisher;
import io.careerlens.report.ReportJob;
import java.nio.file.Path;
import io.careerlens.warehouse.SparkSessions;
import io.careerlens.warehouse.Warehouse;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "nightly", mixinStandardHelpOptions = true,
        description = {"The nightly job: ingest the inbox, compute the metrics as of --as-of (default: today), write the",
            "workbooks and charts, and publish <reports>/<D>/ in one step.",
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
        Publisher publisher = new Publisher(Path.of(common.reports()));
        Path staging = publisher.staging(report.runId());
        var written = MetricsCommand.run(spark, common, staging);
        try {
            new ReportJob(config, new Warehouse(spark, common.warehouse())).write(common.asOf(), staging);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Publisher.check(staging, ReportJob.expectedFiles(config));
        Path published = publisher.publish(staging, common.asOf().toString());
        publisher.pointLatest(common.asOf().toString());
        if (common.json) {
            var node = IngestOutput.json(report);
            node.put("as_of", common.asOf().toString());
            node.put("metric_files", written.size());
            node.put("published", published.toString());
            IngestOutput.printJson(node, System.out);
        } else {
            IngestOutput.printTable(report, System.out, false);
            System.out.println("reports for " + common.asOf() + " published in " + published + " (" + written.size()
                    + " metric files, workbooks, charts, index.html)");
        }
        return IngestCommand.exitCode(report);
    }
}
