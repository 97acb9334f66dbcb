package io.careerlens.config;

import java.io.Serializable;

/** Default locations; the command line overrides each of them. */
public class Paths implements Serializable {
    public String inbox = "sample-data/inbox";
    public String warehouse = "var/warehouse";
    public String reports = "var/reports";
    /** one log file per run. */
    public String logs = "var/logs";
}
