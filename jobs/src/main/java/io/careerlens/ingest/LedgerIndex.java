package io.careerlens.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careerlens.warehouse.Warehouse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What the file ledger knows, as far as deciding what to read goes: the (path, checksum) pairs
 * already ingested, and per path the size, modification time and checksum last recorded.
 *
 * <p>The nightly keeps a copy beside the warehouse ({@code <warehouse>/_careerlens/ledger-index.json}),
 * keyed on the ledger's latest commit, so a night with nothing new is told from a listing of the
 * inbox without starting Spark. The copy is only a shortcut: when the ledger has moved on (another
 * commit, a rebuilt warehouse) or the copy cannot be read, the ledger itself is read.
 */
public record LedgerIndex(Set<String> done, Map<String, InboxFile.Stamp> stamps) {
    private static final Logger LOG = LogManager.getLogger(LedgerIndex.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** the copy, under the warehouse. */
    public static final String FILE = "_careerlens/ledger-index.json";
    /** ledger column: the file's modification time when it was read (epoch milliseconds). */
    static final String MODIFIED_AT = "modified_at";

    public static LedgerIndex empty() {
        return new LedgerIndex(new HashSet<>(), new HashMap<>());
    }

    public boolean isDone(InboxFile f) {
        return done.contains(f.path() + "|" + f.checksum());
    }

    /** Records files just written to the ledger, as reading it again would. */
    public LedgerIndex with(Iterable<FileResult> recorded, Map<String, Long> modifiedAt) {
        Set<String> d = new HashSet<>(done);
        Map<String, InboxFile.Stamp> s = new HashMap<>(stamps);
        for (FileResult f : recorded) {
            d.add(f.path() + "|" + f.checksum());
            Long m = modifiedAt.get(f.path());
            if (m != null) {
                s.put(f.path(), new InboxFile.Stamp(f.size(), m, f.checksum()));
            }
        }
        return new LedgerIndex(d, s);
    }

    /** From the ledger table: later rows win for a path (ledgers written before modified_at existed have no stamps). */
    public static LedgerIndex of(Dataset<Row> ledger) {
        boolean stamped = Arrays.asList(ledger.columns()).contains(MODIFIED_AT);
        Dataset<Row> known = ledger.select(col("path"), col("checksum"), col("size"),
                stamped ? col(MODIFIED_AT) : lit(null).cast("long").as(MODIFIED_AT), col("recorded_at"));
        LedgerIndex index = empty();
        for (Row r : known.orderBy("recorded_at").collectAsList()) {
            index.done.add(r.getString(0) + "|" + r.getString(1));
            if (!r.isNullAt(3)) {
                index.stamps.put(r.getString(0), new InboxFile.Stamp(r.getLong(2), r.getLong(3), r.getString(1)));
            }
        }
        return index;
    }

    /** The copy, when it was written for the ledger's latest commit; empty otherwise. */
    public static Optional<LedgerIndex> cached(Configuration hadoop, String warehouse) {
        Warehouse.Commit ledger = Warehouse.latestCommit(hadoop, warehouse, Warehouse.FILE_LEDGER);
        Path file = new Path(warehouse, FILE);
        try {
            FileSystem fs = file.getFileSystem(hadoop);
            if (ledger.version() < 0 || !fs.exists(file)) {
                return Optional.empty();
            }
            JsonNode copy;
            try (InputStream in = fs.open(file)) {
                copy = JSON.readTree(in);
            }
            if (copy == null || !ledger.key().equals(copy.path("ledger_commit").asText(null))) {
                return Optional.empty();
            }
            LedgerIndex index = empty();
            copy.path("done").forEach(n -> index.done.add(n.asText()));
            copy.path("stamps").forEach(n -> index.stamps.put(n.path("path").asText(), new InboxFile.Stamp(
                    n.path("size").asLong(), n.path("modified_at").asLong(), n.path("checksum").asText())));
            return Optional.of(index);
        } catch (IOException | RuntimeException e) {
            LOG.warn("the ledger index {} cannot be read ({}); reading the file ledger instead", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the copy for the ledger's latest commit; a failure only costs the next run the shortcut. */
    public void cache(Configuration hadoop, String warehouse) {
        Warehouse.Commit ledger = Warehouse.latestCommit(hadoop, warehouse, Warehouse.FILE_LEDGER);
        if (ledger.version() < 0) {
            return;
        }
        ObjectNode copy = JSON.createObjectNode();
        copy.put("ledger_commit", ledger.key());
        ArrayNode d = copy.putArray("done");
        done.stream().sorted().forEach(d::add);
        ArrayNode s = copy.putArray("stamps");
        stamps.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> s.addObject()
                .put("path", e.getKey()).put("size", e.getValue().size())
                .put("modified_at", e.getValue().modifiedAt()).put("checksum", e.getValue().checksum()));
        Path file = new Path(warehouse, FILE);
        Path tmp = new Path(warehouse, FILE + ".tmp");
        try {
            FileSystem fs = file.getFileSystem(hadoop);
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(JSON.writeValueAsString(copy).getBytes(StandardCharsets.UTF_8));
            }
            fs.delete(file, false);
            if (!fs.rename(tmp, file)) {
                throw new IOException("cannot rename " + tmp + " to " + file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("the ledger index {} cannot be written ({}); the next run reads the file ledger", file, e.getMessage());
        }
    }
}
