package io.careerlens.ingest;

import io.careerlens.contract.Entity;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * An export file found in the inbox. {@code path} is relative to the inbox; {@code uri} is
 * absolute; {@code modifiedAt} is the file system's modification time (epoch milliseconds).
 */
public record InboxFile(String uri, String path, String officeId, LocalDate exportDate, Entity entity,
                        long size, String checksum, long modifiedAt) implements Serializable {

    /** What the file ledger knows of a file already ingested: enough to skip it without reading it. */
    public record Stamp(long size, long modifiedAt, String checksum) {
    }
}
