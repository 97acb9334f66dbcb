package io.careerlens.config;

import java.io.Serializable;

/** How reports are dated and shown. */
public class Reporting implements Serializable {
    /** zone whose "today" is the default as-of date of a nightly run. */
    public String timezone = "UTC";
    /** figures over fewer students than this are shown as "<N" in the all-offices workbook. */
    public int smallCellThreshold = 5;
    /** compliance at or above: green; below warn: red; between: amber. */
    public double complianceGood = 0.8;
    public double complianceWarn = 0.5;
    /** published report folders older than this many days are removed after a successful run. */
    public int retentionDays = 400;
}
