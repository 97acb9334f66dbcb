package io.careerlens.contract;

import java.io.Serializable;
import java.util.List;

/**
 * A canonical input column. {@code personal}: never stored (notes only on opt-in).
 * {@code defaultValue}: used when the cell is empty. {@code min}/{@code max}: the range of an
 * integer; for text, {@code max} is the longest value stored (0: bounded only by the record size).
 */
public record Column(String name, ColumnType type, boolean required, List<String> values,
                     int min, int max, String defaultValue, boolean personal) implements Serializable {

    /** ids and codes: opaque strings that reach reports and joins, so they are kept short. */
    public static final int MAX_ID_LENGTH = 128;
    /** descriptive text such as an organization or department name. */
    public static final int MAX_TEXT_LENGTH = 512;

    static Column id(String name, boolean required) {
        return new Column(name, ColumnType.TEXT, required, List.of(), 0, MAX_ID_LENGTH, null, false);
    }

    static Column text(String name, boolean required) {
        return new Column(name, ColumnType.TEXT, required, List.of(), 0, MAX_TEXT_LENGTH, null, false);
    }

    static Column date(String name, boolean required) {
        return new Column(name, ColumnType.DATE, required, List.of(), 0, 0, null, false);
    }

    static Column bool(String name) {
        return new Column(name, ColumnType.BOOL, false, List.of(), 0, 0, null, false);
    }

    static Column integer(String name, int min, int max) {
        return new Column(name, ColumnType.INT, false, List.of(), min, max, null, false);
    }

    static Column enumeration(String name, boolean required, String defaultValue, String... values) {
        return new Column(name, ColumnType.ENUM, required, List.of(values), 0, 0, defaultValue, false);
    }

    static Column of(String name, ColumnType type, boolean required) {
        return new Column(name, type, required, List.of(), 0, 0, null, false);
    }

    static Column personal(String name) {
        return new Column(name, ColumnType.TEXT, false, List.of(), 0, 0, null, true);
    }
}
