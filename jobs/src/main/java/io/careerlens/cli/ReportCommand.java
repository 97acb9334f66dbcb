package io.careerlens.cli;

import io.careerlens.report.Publisher;
import io.careerlens.report.ReportJob;
import io.careerlens.warehouse.SparkSessions;
import io.careerlens.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the Excel workbooks, charts and index page of a date from the metric tables in the warehouse",
            "into <reports>/<D>/ (all-offices.xlsx, offices/<office>.xlsx, charts/, index.html)."})
public class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        var config = common.config();
        SparkSession spark = SparkSessions.getOrCreate("careerlens-report");
        Publisher publisher = new Publisher(Path.of(common.reports()));
        Path staging = publisher.staging(RunIds.next());
        new ReportJob(config, new Warehouse(spark, common.warehouse())).write(common.asOf(), staging);
        Publisher.check(staging, ReportJob.expectedFiles(config));
        Path published = publisher.publish(staging, common.asOf().toString());
        publisher.pointLatest(common.asOf().toString());
        System.out.println("reports for " + common.asOf() + " published in " + published);
        return Main.OK;
    }
}
