package io.careerlens.report;

/**
 * How a column is shown: each kind has its own cell type and number format. SIGNED is a change of
 * a count (+3, -2); POINTS a change of a rate in percentage points (the value is in points: +4.2 pp).
 */
public enum Kind {
    TEXT, INT, DECIMAL, RATE, DATE, MONTH, BOOL, SIGNED, POINTS
}
