package io.careerlens.cli;

import io.careerlens.report.MetricTable;
import io.careerlens.warehouse.Warehouse;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Keeps the warehouse's tables from growing with the nights. Every write adds files, so a table
 * read each night gets slower with every night unless its small files are rewritten into larger
 * ones; and every MERGE that rewrites files, every date whose metrics are written again and every
 * killed write leaves files behind that no current table version needs, which the nightly never
 * deletes.
 */
@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Rewrite the small files of the tables the nightly appends to into larger",
            "ones (from 32 files under 32 MB on average; same rows, a new table version),",
            "then delete the files the tables no longer use once they are older than each",
            "table's retention (7 days unless delta.deletedFileRetentionDuration says",
            "otherwise). No figure changes. Takes the warehouse's lock, like nightly.",
            "Run it weekly: scripts/cron/careerlens-nightly.sh maintain."})
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
            Map<String, Warehouse.Compacted> compacted = new java.util.LinkedHashMap<>();
            Map<String, Warehouse.Vacuumed> done = run.step("maintain", () -> {
                Map<String, Warehouse.Vacuumed> out = new java.util.LinkedHashMap<>();
                for (String table : tables.keySet()) {
                    if (compactable(table)) {
                        Warehouse.Compacted c = warehouse.compact(table);
                        if (c.ran()) {
                            LOG.info("{}: compacted from {} files to {}", table, c.filesBefore(), c.filesAfter());
                            compacted.put(table, c);
                        }
                    }
                    // after the compaction: the files it retires are deleted once they are older than the retention
                    Warehouse.Vacuumed v = warehouse.vacuum(table);
                    if (v.searched()) {
                        LOG.info("{}: {} of data files before, {} after", table, mb(v.bytesBefore()), mb(v.bytesAfter()));
                    }
                    out.put(table, v);
                }
                return out;
            });
            compacted.forEach((t, c) -> System.out.printf("%-40s %6d files -> %6d%n", t, c.filesBefore(), c.filesAfter()));
            long before = done.values().stream().mapToLong(Warehouse.Vacuumed::bytesBefore).sum();
            long after = done.values().stream().mapToLong(Warehouse.Vacuumed::bytesAfter).sum();
            long searched = done.values().stream().filter(Warehouse.Vacuumed::searched).count();
            done.forEach((t, v) -> {
                if (v.searched()) {
                    System.out.printf("%-40s %12s -> %12s%n", t, mb(v.bytesBefore()), mb(v.bytesAfter()));
                }
            });
            System.out.printf("%d tables; VACUUM ran on %d of them (the rest hold no unused file older than their"
                    + " retention): %s of data files before, %s after; %d compacted (the rest have fewer or larger files)%n",
                    done.size(), searched, mb(before), mb(after), compacted.size());
            return Main.OK;
        }
    }

    /**
     * The tables the nightly appends to and reads whole: curated, versions, rejects. A metric table
     * is written a date at a time, that date's files in one write, and read a date at a time: its
     * other dates' files cost a reader nothing. The file ledger is never compacted: the ingest
     * writes it last, so its latest commit tells the next run which tables a stopped run may have
     * written to, and a compaction commit there would make those tables look settled.
     */
    static boolean compactable(String table) {
        return !table.equals(Warehouse.FILE_LEDGER)
                && java.util.Arrays.stream(MetricTable.values()).noneMatch(m -> m.deltaTable().equals(table));
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
