package io.careerlens.cli;

import io.careerlens.ingest.FileResult;
import io.careerlens.ingest.IngestReport;
import io.careerlens.ingest.Ingestor;
import io.careerlens.warehouse.Warehouse;
import io.careerlens.warehouse.WarehouseRebuild;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Read new export files from the inbox into the warehouse's curated tables.",
            "Files already ingested with the same checksum are skipped; bad rows go to the rejects table."})
public class IngestCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(IngestCommand.class);

    @Mixin
    CommonOptions common;

    @Option(names = "--full-refresh", description = {"Rebuild the warehouse from every export in the inbox: new tables are "
        + "built beside the old ones and switched in at once when complete (the old ones stay in use until then).",
        "Metric tables are removed: run 'nightly' (or 'metrics' and 'report') afterwards."})
    boolean fullRefresh;

    @Override
    public Integer call() {
        try (Run run = Run.start(common, "ingest")) {
            IngestReport report = fullRefresh ? rebuild(run) : run.step("ingest", () -> ingest(run, common));
            if (common.json) {
                IngestOutput.printJson(IngestOutput.json(report), System.out);
            } else {
                IngestOutput.printTable(report, System.out, false);
            }
            return exitCode(report);
        }
    }

    private IngestReport rebuild(Run run) {
        WarehouseRebuild rebuild = new WarehouseRebuild(run.spark().sparkContext().hadoopConfiguration(), common.warehouse());
        String staging = rebuild.stagingUri(run.id);
        LOG.info("full refresh: reading every export into new tables under {}", staging);
        IngestReport report = run.step("ingest", () -> new Ingestor(run.spark(), run.config,
                new Warehouse(run.spark(), staging), run.id).run(common.inbox()));
        List<String> replaced = run.step("switch", () -> rebuild.switchOver(run.id));
        LOG.info("full refresh: the rebuilt tables are in place ({} old table(s) replaced); run 'nightly' to "
                + "recompute the figures and reports", replaced.size());
        return report;
    }

    /**
     * New files of the inbox into the warehouse. When the ledger index says every file was ingested
     * before, the run starts no Spark at all; otherwise the index's scan is reused by the Spark ingest.
     */
    static IngestReport ingest(Run run, CommonOptions common) {
        Ingestor.InboxCheck check = Ingestor.check(run.hadoop(), run.config, common.warehouse(), common.inbox());
        if (check.nothingNew()) {
            return Ingestor.nothingNew(check, run.id);
        }
        return new Ingestor(run.spark(), run.config, new Warehouse(run.spark(), common.warehouse()), run.id)
                .run(common.inbox(), check);
    }

    /** SPEC 4: 3 when the data-quality gate held a file back (quarantined, or rejected whole for a missing column). */
    static int exitCode(IngestReport report) {
        return report.count(FileResult.QUARANTINED) + report.count(FileResult.REJECTED_FILE) > 0 ? Main.QUALITY_GATE : Main.OK;
    }
}
