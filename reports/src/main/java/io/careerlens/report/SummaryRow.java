package io.careerlens.report;

import java.util.List;

/** One headline figure across columns (months, or offices side by side); each row has its own kind. */
public record SummaryRow(String label, Kind kind, List<Object> values, List<Boolean> suppressed) {
}
