package io.careerlens.ingest;

import io.careerlens.contract.Column;
import io.careerlens.contract.Entity;
import io.careerlens.config.OfficeConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each canonical column sits in a file: header names are matched case-insensitively after
 * trimming, through the office's vendor mapping (canonical column <- source header).
 */
public final class HeaderLayout {
    private final Entity entity;
    private final int fieldCount;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> missing = new ArrayList<>();

    public HeaderLayout(Entity entity, List<String> header, OfficeConfig office) {
        this.entity = entity;
        this.fieldCount = header.size();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            positions.put(normal(header.get(i)), i);
        }
        Map<String, String> mapping = office.mapping.getOrDefault(entity.tableName(), Map.of());
        Map<String, String> defaults = office.defaults.getOrDefault(entity.tableName(), Map.of());
        for (Column c : entity.columns()) {
            String source = mapping.getOrDefault(c.name(), c.name());
            Integer at = positions.get(normal(source));
            if (at != null) {
                index.put(c.name(), at);
            } else if (c.required() && !defaults.containsKey(c.name())) {
                missing.add(source.equals(c.name()) ? c.name() : c.name() + " (mapped from '" + source + "')");
            }
        }
    }

    static String normal(String header) {
        return header.strip().toLowerCase(Locale.ROOT);
    }

    /** required columns the header lacks; empty when the file can be read. */
    public List<String> missingRequired() {
        return missing;
    }

    public int fieldCount() {
        return fieldCount;
    }

    /** position of a canonical column, or -1. */
    public int indexOf(String canonical) {
        return index.getOrDefault(canonical, -1);
    }

    /** the canonical column read from a field position, or null (an unknown column). */
    public String columnAt(int fieldPosition) {
        for (Map.Entry<String, Integer> e : index.entrySet()) {
            if (e.getValue() == fieldPosition) {
                return e.getKey();
            }
        }
        return null;
    }

    public boolean isStored(int fieldPosition, boolean keepNotes) {
        String name = columnAt(fieldPosition);
        if (name == null) {
            return false;
        }
        Column c = entity.column(name).orElseThrow();
        return !c.personal() || keepNotes;
    }
}
