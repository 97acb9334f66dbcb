package io.careerlens.ingest;

import java.util.List;

/**
 * One record of a CSV file: the physical line it starts on, its raw text, and its fields, or the
 * reason it could not be read ({@code fields} is then null).
 */
public record CsvRecord(long line, String raw, List<String> fields, String error) {
    public boolean malformed() {
        return fields == null;
    }
}
