package io.careerlens.cli;

import io.careerlens.publish.Publisher;
import io.careerlens.publish.ReportJob;
import io.careerlens.warehouse.Warehouse;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the workbooks, charts and index page of a date from the metric tables.",
            "Into <reports>/<D>/: all-offices.xlsx, offices/<office>.xlsx, charts/ and index.html."})
public class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        try (Run run = Run.start(common, "report")) {
            Publisher publisher = new Publisher(Path.of(common.reports()));
            Path staging = publisher.staging(run.id);
            new ReportJob(run.config, new Warehouse(run.spark(), common.warehouse())).write(common.asOf(), staging);
            Publisher.check(staging, ReportJob.expectedFiles(run.config));
            Path published = publisher.publishRun(staging, common.asOf().toString(), run.id,
                    run.config.reporting.retentionDays);
            System.out.println("reports for " + common.asOf() + " published in " + published);
            return Main.OK;
        }
    }
}
