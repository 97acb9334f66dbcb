package io.careerlens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.careerlens.ingest.FileResult;
import io.careerlens.ingest.IngestReport;
import io.careerlens.ingest.RejectReasons;
import io.careerlens.ingest.RejectedRow;
import io.careerlens.ingest.SkippedPath;
import java.io.PrintStream;
import java.util.stream.Collectors;

/** Prints an ingest or validate report: a table for people, or one JSON object for programs. */
final class IngestOutput {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

    private IngestOutput() {
    }

    static ObjectNode json(IngestReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("run_id", report.runId());
        ArrayNode files = root.putArray("files");
        for (FileResult f : report.files()) {
            ObjectNode n = files.addObject();
            n.put("path", f.path());
            n.put("office_id", f.officeId());
            n.put("export_date", f.exportDate().toString());
            n.put("entity", f.entity());
            n.put("status", f.status());
            n.put("reason", f.reason());
            n.put("rows_read", f.rowsRead());
            n.put("accepted", f.accepted());
            n.put("rejected", f.rejected());
            n.put("duplicates", f.duplicates());
            n.put("orphans", f.orphans());
            ObjectNode reasons = n.putObject("rejects_by_reason");
            f.rejectsByReason().forEach(reasons::put);
        }
        ArrayNode skipped = root.putArray("skipped_paths");
        for (SkippedPath s : report.skipped()) {
            skipped.addObject().put("path", s.path()).put("reason", s.reason());
        }
        ObjectNode help = root.putObject("reject_reasons");
        reasonsSeen(report).forEach(code -> help.put(code, RejectReasons.help(code)));
        return root;
    }

    /** the reject reasons of this report's files, in the catalogue's order. */
    private static java.util.Set<String> reasonsSeen(IngestReport report) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        report.files().forEach(f -> codes.addAll(f.rejectsByReason().keySet()));
        java.util.Set<String> ordered = new java.util.LinkedHashSet<>();
        RejectReasons.all().keySet().stream().filter(codes::contains).forEach(ordered::add);
        ordered.addAll(codes);
        return ordered;
    }

    static void printJson(ObjectNode node, PrintStream out) {
        try {
            out.println(JSON.writeValueAsString(node));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void printTable(IngestReport report, PrintStream out, boolean showRejects) {
        out.printf("%d file(s): %d ingested, %d unchanged and skipped, %d rejected whole, %d quarantined%s%n",
                report.files().size(), report.count(FileResult.INGESTED) + report.count(FileResult.VALID),
                report.count(FileResult.SKIPPED_UNCHANGED), report.count(FileResult.REJECTED_FILE),
                report.count(FileResult.QUARANTINED), report.skipped().isEmpty() ? "" : ", " + report.skipped().size() + " path(s) skipped");
        if (!report.files().isEmpty()) {
            int w = Math.max(4, report.files().stream().mapToInt(f -> f.path().length()).max().orElse(4));
            out.printf("%-" + w + "s  %-17s %8s %8s %8s %8s %8s  %s%n", "file", "status", "read", "accepted", "rejected",
                    "dups", "orphans", "rejects by reason");
            for (FileResult f : report.files()) {
                out.printf("%-" + w + "s  %-17s %8d %8d %8d %8d %8d  %s%n", f.path(), f.status(), f.rowsRead(), f.accepted(),
                        f.rejected(), f.duplicates(), f.orphans(), f.rejectsByReason().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
            }
            report.files().stream().filter(f -> f.reason() != null && !f.status().equals(FileResult.SKIPPED_UNCHANGED))
                    .forEach(f -> out.println("  " + f.path() + ": " + f.status() + ": " + f.reason()));
        }
        for (SkippedPath s : report.skipped()) {
            out.println("skipped " + s.path() + ": " + s.reason());
        }
        java.util.Set<String> seen = reasonsSeen(report);
        if (!seen.isEmpty()) {
            out.println();
            out.println("What the reject reasons mean:");
            seen.forEach(code -> out.println("  " + code + ": " + RejectReasons.help(code)));
        }
        if (showRejects && !report.rejectSamples().isEmpty()) {
            out.println();
            out.println("Rejected rows" + (report.rejectSamples().size() < report.rejectsTotal()
                    ? " (first " + report.rejectSamples().size() + " of " + report.rejectsTotal() + ")" : "") + ":");
            for (RejectedRow r : report.rejectSamples()) {
                out.println("  " + r);
            }
        }
    }
}
