package io.careerlens.warehouse;

import io.careerlens.ops.Faults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Replaces every table of a warehouse with tables rebuilt elsewhere, as one switch that survives a
 * crash. The new tables are built under {@code <warehouse>/_rebuild/<run>/}; when they are
 * complete a marker listing the tables is written there, then the old tables move aside to
 * {@code _rebuild/<run>-replaced/} and the new ones move in. A run that dies during the switch is
 * finished by the next command that takes the warehouse lock ({@link #finishInterrupted}); one
 * that dies before the marker leaves the old tables untouched and its partial build is removed.
 */
public final class WarehouseRebuild {
    private static final Logger LOG = LogManager.getLogger(WarehouseRebuild.class);
    public static final String FOLDER = "_rebuild";
    private static final String READY = "_READY";
    private static final String REPLACED = "-replaced";

    private final FileSystem fs;
    private final Path root;

    public WarehouseRebuild(Configuration hadoop, String warehouseUri) {
        try {
            this.root = new Path(warehouseUri);
            this.fs = root.getFileSystem(hadoop);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the warehouse " + warehouseUri + ": " + e.getMessage(), e);
        }
    }

    /** where a rebuild run writes its new tables (a warehouse URI of its own). */
    public String stagingUri(String runId) {
        return new Path(new Path(root, FOLDER), runId).toString();
    }

    /** the tables of the warehouse: its folders, less the ones CareerLens keeps for itself (names starting with _). */
    private List<String> tables(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus s : fs.listStatus(dir)) {
                String n = s.getPath().getName();
                if (s.isDirectory() && !n.startsWith("_") && !n.startsWith(".")) {
                    names.add(n);
                }
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    /**
     * Moves the tables built under {@link #stagingUri} into place, the old ones out, and removes the
     * old ones once the new ones are all in. Returns the names of the tables replaced.
     */
    public List<String> switchOver(String runId) {
        try {
            Path staging = new Path(stagingUri(runId));
            List<String> fresh = tables(staging);
            List<String> old = tables(root);
            Path marker = new Path(staging, READY);
            Path tmp = new Path(staging, READY + ".tmp");
            try (FSDataOutputStream out = fs.create(tmp, true)) {
                out.write(("new=" + String.join(",", fresh) + "\nold=" + String.join(",", old) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            fs.rename(tmp, marker);
            complete(staging);
            return old;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot switch the rebuilt tables into place: " + e.getMessage()
                    + " (the next run finishes the switch)", e);
        }
    }

    /**
     * Finishes a switch a killed run left half done, and removes partial builds that never reached
     * their marker. Safe to call at any time under the warehouse lock; does nothing in a clean warehouse.
     */
    public void finishInterrupted() {
        try {
            Path dir = new Path(root, FOLDER);
            if (!fs.exists(dir)) {
                return;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                Path p = s.getPath();
                if (p.getName().endsWith(REPLACED)) {
                    continue;
                }
                if (fs.exists(new Path(p, READY))) {
                    LOG.warn("finishing the warehouse rebuild {} that a stopped run left half switched", p.getName());
                    complete(p);
                } else {
                    LOG.warn("removing the partial rebuild {} of a stopped run; the tables in use were not touched",
                            p.getName());
                    fs.delete(p, true);
                    fs.delete(new Path(dir, p.getName() + REPLACED), true);
                }
            }
            removeIfEmpty(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot finish an interrupted warehouse rebuild: " + e.getMessage(), e);
        }
    }

    /** Each step checks what is already done, so running it again after a crash converges. */
    private void complete(Path staging) throws IOException {
        Path replaced = new Path(staging.getParent(), staging.getName() + REPLACED);
        List<String> fresh = new ArrayList<>();
        List<String> old = new ArrayList<>();
        for (String line : new String(fs.open(new Path(staging, READY)).readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            List<String> names = line.length() > 4 ? Arrays.asList(line.substring(4).split(",")) : List.of();
            (line.startsWith("new=") ? fresh : old).addAll(names.stream().filter(n -> !n.isBlank()).toList());
        }
        fs.mkdirs(replaced);
        for (String t : old) {
            Path current = new Path(root, t);
            Path aside = new Path(replaced, t);
            if (fs.exists(current) && !fs.exists(aside) && !isNewInPlace(staging, t, fresh)) {
                rename(current, aside);
            }
        }
        Faults.at("rebuild.mid_switch");
        for (String t : fresh) {
            Path built = new Path(staging, t);
            if (fs.exists(built)) {
                rename(built, new Path(root, t));
            }
        }
        fs.delete(replaced, true);
        fs.delete(staging, true);
        removeIfEmpty(staging.getParent());
        LOG.info("warehouse rebuilt: {} table(s) in place, {} old table(s) removed", fresh.size(), old.size());
    }

    /** a table of the new set already moved in (its staged copy is gone). */
    private boolean isNewInPlace(Path staging, String table, List<String> fresh) throws IOException {
        return fresh.contains(table) && !fs.exists(new Path(staging, table));
    }

    private void removeIfEmpty(Path dir) throws IOException {
        if (fs.exists(dir) && fs.listStatus(dir).length == 0) {
            fs.delete(dir, true);
        }
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not move " + from + " to " + to);
        }
    }
}
