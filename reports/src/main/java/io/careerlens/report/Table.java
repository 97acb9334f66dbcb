package io.careerlens.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A metric table handed to the report writers: typed columns and rows of plain values (String,
 * Number, LocalDate, Boolean or null). Rows may stream (an office's action list can be long).
 */
public record Table(String name, List<ColumnSpec> columns, Iterable<List<Object>> rows) {

    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("table " + name + " has no column " + column);
    }

    public boolean has(String column) {
        return columns.stream().anyMatch(c -> c.name().equals(column));
    }


    /** the rows where {@code column} equals {@code value}, read as they come (a streamed table stays streamed). */
    public Table streamWhere(String column, Object value) {
        int i = index(column);
        Iterable<List<Object>> out = () -> java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .filter(r -> value.equals(r.get(i))).iterator();
        return new Table(name, columns, out);
    }

    /** the same rows without the given columns, read as they come. */
    public Table without(String... dropped) {
        List<String> drop = List.of(dropped);
        List<Integer> keep = new ArrayList<>();
        List<ColumnSpec> cols = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!drop.contains(columns.get(i).name())) {
                keep.add(i);
                cols.add(columns.get(i));
            }
        }
        Iterable<List<Object>> out = () -> java.util.stream.StreamSupport.stream(rows.spliterator(), false)
                .map(r -> keep.stream().map(r::get).toList()).iterator();
        return new Table(name, cols, out);
    }

    /** a copy holding only the rows where {@code column} equals {@code value}. */
    public Table where(String column, Object value) {
        int i = index(column);
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            if (value.equals(r.get(i))) {
                out.add(r);
            }
        }
        return new Table(name, columns, out);
    }
}
