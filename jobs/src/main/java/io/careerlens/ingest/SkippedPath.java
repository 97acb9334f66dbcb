package io.careerlens.ingest;

/** Something in the inbox that is not an export file, and why it was not read. */
public record SkippedPath(String path, String reason) {
}
