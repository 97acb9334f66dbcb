package io.careerlens.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.careerlens.ingest.FileResult;
import io.careerlens.ingest.IngestReport;
import io.careerlens.ingest.InboxValidation;
import io.careerlens.ingest.RejectedRow;
import io.careerlens.warehouse.SparkSessions;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check an inbox the way ingest would, without writing anything, and list every row that would be rejected.",
            "Offices can run it on an export before sending it. Exit code 3 when a file would be rejected or quarantined."})
public class ValidateCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        var config = common.config();
        SparkSession spark = SparkSessions.getOrCreate("careerlens-validate");
        IngestReport report = InboxValidation.run(spark, config, common.inbox(), RunIds.next());
        if (common.json) {
            var node = IngestOutput.json(report);
            ArrayNode rows = node.putArray("rejected_rows");
            for (RejectedRow r : report.rejectSamples()) {
                rows.addObject().put("path", r.path()).put("line", r.line()).put("reason", r.reason()).put("detail", r.detail());
            }
            IngestOutput.printJson(node, System.out);
        } else {
            IngestOutput.printTable(report, System.out, true);
        }
        boolean bad = report.count(FileResult.QUARANTINED) + report.count(FileResult.REJECTED_FILE) > 0;
        return bad ? Main.QUALITY_GATE : Main.OK;
    }
}
