package io.careerlens.report;

/** A column of a report table: its metric name, the header shown, and how values are shown. */
public record ColumnSpec(String name, String label, Kind kind) {
}
