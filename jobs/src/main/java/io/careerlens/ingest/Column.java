package io.careerlens.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * A canonical input column. {@code personal}: never stored (notes only on opt-in).
 * {@code defaultValue}: used when the cell is empty.
 */
public record Column(String name, ColumnType type, boolean required, List<String> values,
                     int min, int max, String defaultValue, boolean personal) implements Serializable {

    static Column text(String name, boolean required) {
        return new Column(name, ColumnType.TEXT, required, List.of(), 0, 0, null, false);
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
