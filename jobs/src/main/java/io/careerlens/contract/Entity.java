package io.careerlens.contract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** SPEC 1.2: the three exported entities, their canonical columns and keys. */
public enum Entity {
    STUDENTS("student_id", List.of(
            Column.id("student_id", true),
            Column.enumeration("program", true, null, "undergraduate", "masters", "phd", "postdoc", "other"),
            Column.date("program_start", true),
            Column.text("department", false),
            Column.id("counselor_id", false))),
    CONTACTS("contact_id", List.of(
            Column.id("contact_id", true),
            Column.id("student_id", true),
            Column.date("added_on", true),
            Column.enumeration("relationship", true, null, "peer", "alumni", "faculty", "staff", "mentor",
                    "professional", "recruiter", "family_friend", "other"),
            Column.text("organization", false),
            Column.text("sector", false),
            Column.bool("inside_institution"),
            Column.enumeration("level", false, null, "junior", "peer", "senior", "executive"),
            Column.enumeration("source", false, null, "spontaneous", "planned", "event", "referral", "online"),
            Column.id("source_event_id", false),
            Column.id("referred_by", false),
            Column.bool("likes"),
            Column.bool("can_help"),
            Column.integer("cadence_days", 1, 3650),
            Column.date("next_contact_on", false),
            Column.enumeration("status", false, "active", "active", "archived"))),
    EVENTS("event_id", List.of(
            Column.id("event_id", true),
            Column.id("student_id", true),
            Column.of("occurred_at", ColumnType.TIMESTAMP, true),
            Column.of("event_type", ColumnType.EVENT_TYPE, true),
            Column.id("contact_id", false),
            Column.enumeration("direction", false, null, "outbound", "inbound", "mutual"),
            Column.enumeration("channel", false, null, "in_person", "phone", "video", "email", "message",
                    "linkedin", "other"),
            Column.enumeration("role", false, "attendee", "attendee", "volunteer", "organizer"),
            Column.enumeration("outcome", false, null, "accepted", "declined", "no_response"),
            Column.bool("registered"),
            Column.bool("checked_in"),
            Column.integer("cards_given", 0, Integer.MAX_VALUE),
            Column.integer("cards_collected", 0, Integer.MAX_VALUE),
            Column.personal("notes")));

    private final String keyColumn;
    private final List<Column> columns;

    Entity(String keyColumn, List<Column> columns) {
        this.keyColumn = keyColumn;
        this.columns = columns;
    }

    /** the id column; the full key is (office_id, keyColumn). */
    public String keyColumn() {
        return keyColumn;
    }

    public List<Column> columns() {
        return columns;
    }

    /** file name in an export folder, and the Delta table name. */
    public String fileName() {
        return tableName() + ".csv";
    }

    public String tableName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** the names of every entity's personal columns (of these, only notes is ever stored, on opt-in). */
    public static java.util.Set<String> personalColumnNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Entity e : values()) {
            e.columns.stream().filter(Column::personal).forEach(c -> names.add(c.name()));
        }
        return names;
    }

    public static Optional<Entity> byTableName(String name) {
        for (Entity e : values()) {
            if (e.tableName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Optional<Entity> byFileName(String fileName) {
        for (Entity e : values()) {
            if (e.fileName().equals(fileName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
