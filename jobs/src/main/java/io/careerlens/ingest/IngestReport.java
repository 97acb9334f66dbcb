package io.careerlens.ingest;

import java.util.List;

/** The outcome of an ingest or validate run. {@code rejectSamples} is bounded (validate shows them). */
public record IngestReport(String runId, List<FileResult> files, List<SkippedPath> skipped,
                           List<RejectedRow> rejectSamples, long rejectsTotal) {
    public long count(String status) {
        return files.stream().filter(f -> f.status().equals(status)).count();
    }
}
