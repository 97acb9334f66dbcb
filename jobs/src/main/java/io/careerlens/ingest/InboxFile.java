package io.careerlens.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import io.careerlens.contract.Entity;
import io.careerlens.warehouse.Warehouse;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collection;
import org.apache.spark.sql.Column;

/**
 * An export file found in the inbox. {@code path} is relative to the inbox; {@code uri} is
 * absolute; {@code modifiedAt} is the file system's modification time (epoch milliseconds).
 */
public record InboxFile(String uri, String path, String officeId, LocalDate exportDate, Entity entity,
                        long size, String checksum, long modifiedAt) implements Serializable {

    /**
     * The curated rows written from exactly these files: the pair (source_file, source_checksum)
     * is one of theirs. A literal set, so a table is filtered as it is scanned, without a join. A
     * pair of columns cannot be pushed to the scan, so the files' offices and paths, which the pair
     * implies, are given too: a probe for a killed run's rows skips the files of other offices.
     */
    public static Column rowsOf(Collection<InboxFile> files) {
        Object[] pairs = files.stream().map(f -> struct(lit(f.path()), lit(f.checksum()))).toArray();
        return pairs.length == 0 ? lit(false)
                : offices(files).rows()
                .and(col(CuratedSchema.SOURCE_FILE).isin(files.stream().map(InboxFile::path).distinct().toArray()))
                .and(struct(col(CuratedSchema.SOURCE_FILE), col(CuratedSchema.SOURCE_CHECKSUM)).isin(pairs));
    }

    /**
     * The offices these files come from. Keys are per office, so no row of another office can be an
     * earlier version of theirs, nor their student or contact: reading only these offices' rows makes
     * one office's export cost that office's history, not everyone's.
     */
    public static Warehouse.Within offices(Collection<InboxFile> files) {
        return new Warehouse.Within(CuratedSchema.OFFICE_ID, files.stream().map(InboxFile::officeId)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
    }

    /** What the file ledger knows of a file already ingested: enough to skip it without reading it. */
    public record Stamp(long size, long modifiedAt, String checksum) {
    }
}
