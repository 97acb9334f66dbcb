package io.careerlens.ingest;

import io.careerlens.contract.Column;
import io.careerlens.contract.ColumnType;
import io.careerlens.contract.EventTypes;
import io.careerlens.contract.Entity;
import io.careerlens.config.OfficeConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one record's fields into canonical values (SPEC 1.2), or rejects it with the first problem
 * found. Values come out in the order of {@link CuratedSchema#canonicalFields}.
 */
public final class RowValidator {
    private final Entity entity;
    private final HeaderLayout layout;
    private final OfficeConfig office;
    private final ValueParser values;
    private final LocalDate exportDate;
    private final Map<String, String> defaults;
    private final List<String> pseudonymized;
    private final Map<String, String> eventTypeNames = new HashMap<>();

    public RowValidator(Entity entity, HeaderLayout layout, OfficeConfig office, LocalDate exportDate) {
        this.entity = entity;
        this.layout = layout;
        this.office = office;
        this.values = new ValueParser(office.zone(), office.dateFormats);
        this.exportDate = exportDate;
        this.defaults = office.defaults.getOrDefault(entity.tableName(), Map.of());
        this.pseudonymized = office.pseudonymize.getOrDefault(entity.tableName(), List.of());
        for (String t : EventTypes.stageByType().keySet()) {
            eventTypeNames.put(t, t);
        }
        office.eventTypes.forEach((name, canonical) -> eventTypeNames.put(HeaderLayout.normal(name), canonical));
    }

    public Object[] validate(List<String> fields) throws Reject {
        if (fields.size() != layout.fieldCount()) {
            throw new Reject("wrong_field_count", "has " + fields.size() + " fields, the header has "
                    + layout.fieldCount() + " (an unquoted comma or a missing field?)");
        }
        if (fields.stream().anyMatch(f -> f.indexOf('\uFFFD') >= 0)) {
            throw new Reject("bad_encoding", "holds bytes that are not valid " + office.encoding
                    + " (is the office's encoding set right in the configuration?)");
        }
        List<Object> out = new ArrayList<>();
        for (Column c : entity.columns()) {
            if (c.personal() && !c.name().equals("notes")) {
                continue;
            }
            String text = cell(fields, c);
            if (c.personal()) {
                out.add(office.keepNotes ? text : null);
                continue;
            }
            if (text == null) {
                if (c.required()) {
                    throw new Reject("missing_required", c.name() + " is empty; it is required");
                }
                if (c.type() == ColumnType.TIMESTAMP) {
                    out.add(null);
                    out.add(null);
                }
                out.add(null);
                continue;
            }
            switch (c.type()) {
                case TEXT -> out.add(text(c, text));
                case DATE -> out.add(values.date(c.name(), text));
                case BOOL -> out.add(ValueParser.bool(c.name(), text));
                case INT -> out.add(ValueParser.integer(c.name(), text, c.min(), c.max()));
                case ENUM -> out.add(enumValue(c, text));
                case EVENT_TYPE -> out.add(eventType(text));
                case TIMESTAMP -> {
                    LocalTimestamp ts = values.timestamp(c.name(), text);
                    if (ts.localDate().isAfter(exportDate.plusDays(1))) {
                        throw new Reject("occurred_after_export", c.name() + ": " + Reject.quote(text) + " is more than one day after the export date "
                                + exportDate);
                    }
                    out.add(ts.instant());
                    out.add(ts.localDate());
                    out.add(ts.dayPrecision());
                }
                default -> throw new IllegalStateException(c.type().toString());
            }
        }
        return out.toArray();
    }

    /** a text value as stored: pseudonymised when the office asks, and never longer than the column allows. */
    private String text(Column c, String text) throws Reject {
        String stored = pseudonymized.contains(c.name()) ? pseudonym(text) : text;
        if (c.max() > 0 && stored.length() > c.max()) {
            throw new Reject("value_too_long", c.name() + " is " + stored.length() + " characters long; at most "
                    + c.max() + " are allowed");
        }
        return stored;
    }

    /** trimmed cell text, the office default or the column default when empty; null when none. */
    private String cell(List<String> fields, Column c) {
        int at = layout.indexOf(c.name());
        String text = at < 0 ? null : fields.get(at).strip();
        if (text == null || text.isEmpty()) {
            text = defaults.getOrDefault(c.name(), c.defaultValue());
        }
        return text == null || text.isEmpty() ? null : text;
    }

    private static String enumValue(Column c, String text) throws Reject {
        String v = text.toLowerCase(Locale.ROOT);
        if (!c.values().contains(v)) {
            throw new Reject("bad_enum", c.name() + ": " + Reject.quote(text) + " is not one of " + String.join(", ", c.values()));
        }
        return v;
    }

    private String eventType(String text) throws Reject {
        String t = eventTypeNames.get(HeaderLayout.normal(text));
        if (t == null) {
            throw new Reject("unknown_event_type", "event_type: " + Reject.quote(text) + " is not a known event type "
                    + "(see SPEC 1.3, or map it under the office's event_types)");
        }
        return t;
    }

    /** a stable one-way id for values that identify a person (e.g. a profile URL). */
    static String pseudonym(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
