package io.careerlens.ingest;

/** One rejected record, as shown to the office that sent it. */
public record RejectedRow(String path, long line, String reason, String detail) {
    @Override
    public String toString() {
        return path + " line " + line + ": " + reason + " — " + detail;
    }
}
