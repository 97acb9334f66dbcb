package io.careerlens.config;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The whole configuration file. */
public class Config implements Serializable {
    public Paths paths = new Paths();
    public Map<String, OfficeConfig> offices = new LinkedHashMap<>();
    public Rules rules = new Rules();
    public Quality quality = new Quality();
    public Reporting reporting = new Reporting();
    public Operations operations = new Operations();

    public OfficeConfig office(String officeId) {
        return offices.get(officeId);
    }
}
