package io.careerlens.report;

import java.util.List;

/**
 * What the run that wrote the reports found, for the top of index.html: its id and command, the
 * exit status it ends with, and the files this run held back (quarantined or rejected whole),
 * each with its reason. File paths name an office, a date and an entity only.
 */
public record RunOutcome(String runId, String command, int exitStatus, List<HeldBack> heldBack) {
    /** a file this run did not ingest, and why. */
    public record HeldBack(String file, String status, String reason) {
    }

    /** the status in a sentence, as the on-call engineer and a director both read it. */
    public String sentence() {
        String files = heldBack.size() == 1 ? "1 file" : heldBack.size() + " files";
        return switch (exitStatus) {
            case 0 -> "Run " + runId + " (" + command + ") ended normally (exit status 0): every new file was ingested (rows it rejected are "
                    + "counted per office below and listed in each office's workbook).";
            case 3 -> "Run " + runId + " (" + command + ") published these reports, but the data-quality gate tripped "
                    + "(exit status 3): " + files + " held back, listed below; the figures do not include them.";
            default -> "Run " + runId + " (" + command + ") ended with exit status " + exitStatus + ".";
        };
    }
}
