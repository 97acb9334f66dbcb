package io.careerlens.report;

import java.util.List;

/** One headline figure across columns (months, or offices side by side); each cell has its own kind. */
public record SummaryRow(String label, List<Cell> cells) {

    /** red / amber / green against reporting.compliance_good and compliance_warn; NONE when there is nothing to judge. */
    public enum Status { NONE, GOOD, WARN, BAD }

    /** a value ({@link Suppression#SUPPRESSED} when hidden), how it is shown, and its status colour. */
    public record Cell(Object value, Kind kind, Status status) {
        public static Cell of(Object value, Kind kind) {
            return new Cell(value, kind, Status.NONE);
        }
    }

    public Object value(int i) {
        return cells.get(i).value();
    }
}
