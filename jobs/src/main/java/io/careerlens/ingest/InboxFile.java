package io.careerlens.ingest;

import java.io.Serializable;
import java.time.LocalDate;

/** An export file found in the inbox. {@code path} is relative to the inbox; {@code uri} is absolute. */
public record InboxFile(String uri, String path, String officeId, LocalDate exportDate, Entity entity,
                        long size, String checksum) implements Serializable {
}
