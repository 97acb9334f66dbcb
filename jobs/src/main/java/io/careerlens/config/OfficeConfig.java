package io.careerlens.config;

import java.io.Serializable;
import java.nio.charset.Charset;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One career office: how to read its exports. */
public class OfficeConfig implements Serializable {
    public String name;
    public String timezone = "UTC";
    public String encoding = "UTF-8";
    /** entity -> canonical column -> header in the office's files (vendor exports). */
    public Map<String, Map<String, String>> mapping = new LinkedHashMap<>();
    /** entity -> canonical column -> value used when the file has no such column or the cell is empty. */
    public Map<String, Map<String, String>> defaults = new LinkedHashMap<>();
    /** extra event-type names (matched case-insensitively) -> canonical event type. */
    public Map<String, String> eventTypes = new LinkedHashMap<>();
    /** date patterns accepted besides YYYY-MM-DD, e.g. "d MMM yyyy" for LinkedIn's "12 Mar 2024". */
    public List<String> dateFormats = new ArrayList<>();
    /** how many leading lines may precede the header (notes lines in vendor exports); 0: first line. */
    public int headerSearchLines = 0;
    /** entity -> canonical id columns whose values are replaced by a one-way hash (e.g. profile URLs). */
    public Map<String, List<String>> pseudonymize = new LinkedHashMap<>();
    /** keep the free-text notes column of events (personal data; off unless the office opts in). */
    public boolean keepNotes = false;

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }

    public Charset charset() {
        return Charset.forName(encoding);
    }
}
