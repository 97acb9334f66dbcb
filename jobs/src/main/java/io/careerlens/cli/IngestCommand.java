package io.careerlens.cli;

import io.careerlens.ingest.FileResult;
import io.careerlens.ingest.IngestReport;
import io.careerlens.ingest.Ingestor;
import io.careerlens.warehouse.Warehouse;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read new export files from the inbox into the warehouse's curated tables.",
            "Files already ingested with the same checksum are skipped; bad rows go to the rejects table."})
public class IngestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Run run = Run.start(common, "ingest")) {
            IngestReport report = run.step("ingest", () -> new Ingestor(run.spark(), run.config,
                    new Warehouse(run.spark(), common.warehouse()), run.id).run(common.inbox()));
            if (common.json) {
                IngestOutput.printJson(IngestOutput.json(report), System.out);
            } else {
                IngestOutput.printTable(report, System.out, false);
            }
            return exitCode(report);
        }
    }

    /** SPEC 4: 3 when the data-quality gate held a file back (quarantined, or rejected whole for a missing column). */
    static int exitCode(IngestReport report) {
        return report.count(FileResult.QUARANTINED) + report.count(FileResult.REJECTED_FILE) > 0 ? Main.QUALITY_GATE : Main.OK;
    }
}
