package io.careerlens.report;

/** How a column is shown: each kind has its own cell type and number format. */
public enum Kind {
    TEXT, INT, DECIMAL, RATE, DATE, MONTH, BOOL
}
