package io.careerlens.ingest;

import java.util.List;

/**
 * One record of a CSV file: the physical line it starts on, its raw text, and its fields; or, when
 * it could not be read, {@code fields} is null, {@code problem} is the reject reason
 * ({@link #MALFORMED} or {@link #TOO_LARGE}) and {@code error} says why. The raw text of a record
 * over the size limit is not kept ({@code raw} is null).
 */
public record CsvRecord(long line, String raw, List<String> fields, String problem, String error) {
    public static final String MALFORMED = "malformed_csv";
    public static final String TOO_LARGE = "record_too_large";

    static CsvRecord of(long line, String raw, List<String> fields) {
        return new CsvRecord(line, raw, fields, null, null);
    }

    static CsvRecord malformed(long line, String raw, String error) {
        return new CsvRecord(line, raw, null, MALFORMED, error);
    }

    public boolean malformed() {
        return fields == null;
    }
}
