package io.careerlens.ingest;

import java.time.LocalDate;
import java.util.Map;

/** What happened to one export file in a run; one row of the file ledger. */
public record FileResult(String path, String officeId, LocalDate exportDate, String entity, long size,
                         String checksum, String status, String reason, long rowsRead, long accepted,
                         long rejected, long duplicates, long orphans, Map<String, Long> rejectsByReason) {
    public static final String INGESTED = "ingested";
    public static final String SKIPPED_UNCHANGED = "skipped_unchanged";
    public static final String REJECTED_FILE = "rejected_file";
    public static final String QUARANTINED = "quarantined";
    /** validate only: the file would be ingested. */
    public static final String VALID = "valid";

    public boolean reconciles() {
        return rowsRead == accepted + rejected + duplicates;
    }
}
