package io.careerlens.contract;

/** How a canonical column's text is read. */
public enum ColumnType {
    TEXT, DATE, BOOL, INT, ENUM, TIMESTAMP, EVENT_TYPE
}
