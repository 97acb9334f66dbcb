package io.careerlens.ingest;

import io.careerlens.contract.Column;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every reject reason code, with what it means and what the office should fix (for validate, ingest --json and the docs). */
public final class RejectReasons {
    private static final Map<String, String> HELP = new LinkedHashMap<>();

    static {
        HELP.put("malformed_csv", "the record cannot be split into fields (a quote that is not closed, or text after a "
                + "closing quote); only its first line is lost and reading goes on with the next line. Fix the quoting.");
        HELP.put("record_too_large", "one record is longer than " + (CsvRecordReader.MAX_RECORD_CHARS >> 20)
                + " Mi characters (usually a huge notes field); it is one reject whatever its line count. Shorten it.");
        HELP.put("wrong_field_count", "the record has more or fewer fields than the header (an unquoted comma?). "
                + "Quote values that contain commas.");
        HELP.put("missing_required", "a required value is empty. Fill it in.");
        HELP.put("missing_column", "the header lacks a required column, so the whole file is rejected. Add the column "
                + "or map it in the configuration.");
        HELP.put("value_too_long", "an id or code is longer than " + Column.MAX_ID_LENGTH + " characters, or a text "
                + "such as an organization longer than " + Column.MAX_TEXT_LENGTH + ". Check the export's columns.");
        HELP.put("bad_date", "a date is not YYYY-MM-DD (or one of the office's date formats). Fix the date.");
        HELP.put("bad_timestamp", "occurred_at is not an ISO-8601 time or date. Fix the time.");
        HELP.put("bad_enum", "a value is not one of the column's allowed values. Use one of those listed in the detail.");
        HELP.put("bad_boolean", "a yes/no value is not true/false, yes/no, y/n or 1/0.");
        HELP.put("bad_number", "a count or cadence is not a whole number in range.");
        HELP.put("bad_encoding", "the record holds bytes that are not valid in the office's encoding. Set the office's "
                + "encoding in the configuration, or export as UTF-8.");
        HELP.put("unknown_event_type", "event_type is not in the vocabulary. Use a SPEC 1.3 type or map the office's "
                + "name under event_types.");
        HELP.put("occurred_after_export", "the event is dated more than one day after the export date. Fix the date.");
        HELP.put("file_quarantined", "the row was valid, but its file had too many rejects and was held back whole. "
                + "Send a corrected export.");
    }

    private RejectReasons() {
    }

    /** code -> what it means and what to fix. */
    public static Map<String, String> all() {
        return HELP;
    }

    public static String help(String code) {
        return HELP.getOrDefault(code, "see docs/input-contract.md");
    }
}
