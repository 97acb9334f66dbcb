package io.careerlens.config;

import java.io.Serializable;

/**
 * Default locations, relative to the configuration file's folder; the command line overrides each
 * of them. Reports and logs must be local (or mounted) folders; the others may be Hadoop URIs.
 */
public class Paths implements Serializable {
    public String inbox = "inbox";
    public String warehouse = "var/warehouse";
    public String reports = "var/reports";
    /** one log file per run. */
    public String logs = "var/logs";
}
