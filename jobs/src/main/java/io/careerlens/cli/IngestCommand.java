package io.careerlens.cli;

import io.careerlens.ingest.FileResult;
import io.careerlens.ingest.IngestReport;
import io.careerlens.ingest.Ingestor;
import io.careerlens.warehouse.SparkSessions;
import io.careerlens.warehouse.Warehouse;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
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
        var config = common.config();
        SparkSession spark = SparkSessions.getOrCreate("careerlens-ingest");
        IngestReport report = new Ingestor(spark, config, new Warehouse(spark, common.warehouse()), RunIds.next())
                .run(common.inbox());
        if (common.json) {
            IngestOutput.printJson(IngestOutput.json(report), System.out);
        } else {
            IngestOutput.printTable(report, System.out, false);
        }
        return exitCode(report);
    }

    /** SPEC 4: 3 when a file was quarantined by the data-quality gate. */
    static int exitCode(IngestReport report) {
        return report.count(FileResult.QUARANTINED) > 0 ? Main.QUALITY_GATE : Main.OK;
    }
}
