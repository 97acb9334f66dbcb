package io.careerlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careerlens.ingest.FileResult;
import io.careerlens.ingest.IngestReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** run-summary.json of a nightly run (SPEC 3.2), and the same figures in the log. */
final class RunSummary {
    private static final Logger LOG = LogManager.getLogger(RunSummary.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunSummary() {
    }

    static ObjectNode build(Run run, LocalDate asOf, IngestReport ingest, Map<String, Long> tableRows,
                            Map<String, Long> metricFiles, int exitStatus) {
        ObjectNode s = JSON.createObjectNode();
        s.put("run_id", run.id);
        s.put("command", run.command);
        s.put("as_of", asOf.toString());
        s.put("started_at", run.started.toString());
        Instant end = Instant.now();
        s.put("ended_at", end.toString());
        s.put("duration_ms", end.toEpochMilli() - run.started.toEpochMilli());
        s.put("exit_status", exitStatus);
        ObjectNode steps = s.putObject("step_duration_ms");
        run.steps.forEach(steps::put);
        ObjectNode jobs = s.putObject("step_spark_jobs");
        run.stepJobs.forEach(jobs::put);
        s.put("spark_jobs", run.jobCount());
        ObjectNode files = s.putObject("files");
        for (String status : new String[] {FileResult.INGESTED, FileResult.SKIPPED_UNCHANGED, FileResult.REJECTED_FILE,
            FileResult.QUARANTINED}) {
            files.put(status, ingest.count(status));
        }
        var held = s.putArray("quarantined_files");
        var rejectedFiles = s.putArray("rejected_files");
        Map<String, Long> reasons = new TreeMap<>();
        for (FileResult f : ingest.files()) {
            if (f.status().equals(FileResult.QUARANTINED)) {
                held.addObject().put("path", f.path()).put("reason", f.reason());
            } else if (f.status().equals(FileResult.REJECTED_FILE)) {
                rejectedFiles.addObject().put("path", f.path()).put("reason", f.reason());
            }
            f.rejectsByReason().forEach((k, v) -> reasons.merge(k, v, Long::sum));
        }
        ObjectNode r = s.putObject("rejects_by_reason");
        reasons.forEach(r::put);
        var skipped = s.putArray("skipped_paths");
        ingest.skipped().forEach(p -> skipped.addObject().put("path", p.path()).put("reason", p.reason()));
        ObjectNode rows = s.putObject("rows_per_table");
        tableRows.forEach(rows::put);
        ObjectNode metrics = s.putObject("metric_file_rows");
        metricFiles.forEach(metrics::put);
        s.put("log_file", run.logFile == null ? null : run.logFile.toString());
        LOG.info("run {} as of {}: {} file(s) ingested, {} unchanged, {} quarantined, {} rejected whole; rejects {}; rows {}; "
                        + "steps {} ms; exit {}", run.id, asOf, ingest.count(FileResult.INGESTED),
                ingest.count(FileResult.SKIPPED_UNCHANGED), ingest.count(FileResult.QUARANTINED),
                ingest.count(FileResult.REJECTED_FILE), reasons, tableRows, run.steps, exitStatus);
        return s;
    }

    static void write(ObjectNode summary, Path file) {
        try {
            Files.writeString(file, JSON.writeValueAsString(summary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
