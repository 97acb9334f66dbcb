package io.careerlens.cli;

import io.careerlens.warehouse.Warehouse;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Removes the files the warehouse's tables no longer use. Every MERGE that rewrites files, every
 * date whose metrics are written again and every killed write leaves files behind that no current
 * table version needs; the nightly never deletes them, so the warehouse would only grow.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Delete the files the warehouse's tables no longer use once they are older",
            "than each table's retention (7 days unless delta.deletedFileRetentionDuration",
            "says otherwise). No figure and no table version changes. Takes the warehouse's",
            "lock, like nightly. Run it weekly: scripts/cron/careerlens-nightly.sh maintain."})
public class MaintainCommand implements Callable<Integer> {
    private static final Logger LOG = LogManager.getLogger(MaintainCommand.class);

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        common.config();
        // a mistyped path would otherwise get a lock folder and a cheerful "nothing to do" from cron
        if (Warehouse.tables(io.careerlens.warehouse.HadoopConf.get(), common.warehouse()) == null) {
            throw new io.careerlens.config.ConfigException("no warehouse at " + common.warehouse() + ": nothing done");
        }
        try (Run run = Run.start(common, "maintain")) {
            SortedMap<String, String> tables = Warehouse.tables(run.hadoop(), common.warehouse());
            if (tables.isEmpty()) {
                System.out.println("no tables in " + common.warehouse() + ": nothing to do");
                return Main.OK;
            }
            Warehouse warehouse = new Warehouse(run.spark(), common.warehouse());
            Map<String, Warehouse.Vacuumed> done = run.step("maintain", () -> {
                Map<String, Warehouse.Vacuumed> out = new java.util.LinkedHashMap<>();
                for (String table : tables.keySet()) {
                    Warehouse.Vacuumed v = warehouse.vacuum(table);
                    if (v.searched()) {
                        LOG.info("{}: {} of data files before, {} after", table, mb(v.bytesBefore()), mb(v.bytesAfter()));
                    }
                    out.put(table, v);
                }
                return out;
            });
            long before = done.values().stream().mapToLong(Warehouse.Vacuumed::bytesBefore).sum();
            long after = done.values().stream().mapToLong(Warehouse.Vacuumed::bytesAfter).sum();
            long searched = done.values().stream().filter(Warehouse.Vacuumed::searched).count();
            done.forEach((t, v) -> {
                if (v.searched()) {
                    System.out.printf("%-40s %12s -> %12s%n", t, mb(v.bytesBefore()), mb(v.bytesAfter()));
                }
            });
            System.out.printf("%d tables; VACUUM ran on %d of them (the rest hold no unused file older than their"
                    + " retention): %s of data files before, %s after%n", done.size(), searched, mb(before), mb(after));
            return Main.OK;
        }
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
