package io.careerlens.ingest;

import io.careerlens.contract.Column;
import io.careerlens.contract.Entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.careerlens.config.OfficeConfig;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One export file in, staged rows out: header rules, every reject reason, privacy. No Spark needed. */
class FileParserTest {
    @TempDir
    Path dir;

    private static final LocalDate EXPORT = LocalDate.of(2026, 3, 10);

    private OfficeConfig office() {
        OfficeConfig o = new OfficeConfig();
        o.name = "Test";
        o.timezone = "America/New_York";
        return o;
    }

    private List<Row> parse(Entity entity, String text, OfficeConfig office) throws IOException {
        return parse(entity, text.getBytes(StandardCharsets.UTF_8), office);
    }

    private List<Row> parse(Entity entity, byte[] bytes, OfficeConfig office) throws IOException {
        Path f = dir.resolve(entity.fileName());
        Files.write(f, bytes);
        InboxFile file = new InboxFile(f.toUri().toString(), "x/2026-03-10/" + entity.fileName(), "x", EXPORT, entity,
                bytes.length, "sum", 0L);
        List<Row> rows = new ArrayList<>();
        new FileParser(file, office, io.careerlens.warehouse.HadoopConf.get()).forEachRemaining(rows::add);
        return rows;
    }

    private static Object get(Entity e, Row r, String column) {
        StructType s = CuratedSchema.staged(e);
        return r.get(s.fieldIndex(column));
    }

    private static String reason(Entity e, Row r) {
        return (String) get(e, r, CuratedSchema.REJECT_REASON);
    }

    @Test
    void anInboxFileTheParserCannotReadIsOneLineNamingFileHostAndRule() {
        Path gone = dir.resolve("contacts.csv");
        InboxFile file = new InboxFile(gone.toUri().toString(), "x/2026-03-10/contacts.csv", "x", EXPORT, Entity.CONTACTS,
                10, "sum", 0L);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new FileParser(file, office(), io.careerlens.warehouse.HadoopConf.get()));
        assertTrue(e.getMessage().startsWith("cannot read inbox file x/2026-03-10/contacts.csv ("), e.getMessage());
        assertTrue(e.getMessage().contains("the inbox must be on storage every node can read"), e.getMessage());
        assertNull(e.getCause(), "the explanation is the root cause the run's error line shows");
    }

    @Test
    void headersMatchCaseInsensitivelyAndUnknownOrPersonalColumnsAreNotKept() throws IOException {
        List<Row> rows = parse(Entity.STUDENTS,
                " Student_ID ,PROGRAM,program_start,First_Name,email\nS1,Masters,2025-09-01,Ann,ann@x.org\n", office());
        assertEquals(2, rows.size(), "the file row and one record");
        assertEquals(CuratedSchema.KIND_FILE, get(Entity.STUDENTS, rows.get(0), CuratedSchema.KIND));
        Row s = rows.get(1);
        assertNull(reason(Entity.STUDENTS, s));
        assertEquals("S1", get(Entity.STUDENTS, s, "student_id"));
        assertEquals("masters", get(Entity.STUDENTS, s, "program"));
        assertEquals(LocalDate.of(2025, 9, 1), get(Entity.STUDENTS, s, "program_start"));
        assertEquals(2L, get(Entity.STUDENTS, s, CuratedSchema.LINE_NUMBER));
        assertFalse(CuratedSchema.staged(Entity.STUDENTS).fieldNames().toString().contains("email"));
        assertFalse(s.toString().contains("Ann"), "no personal data in a staged row");
    }

    @Test
    void aMissingRequiredColumnRejectsEveryRecordOfTheFileNamingTheColumn() throws IOException {
        List<Row> rows = parse(Entity.CONTACTS, "contact_id,student_id,relationship\nC1,S1,peer\nC2,S1,peer\n", office());
        assertEquals("missing_column", reason(Entity.CONTACTS, rows.get(0)));
        assertTrue(((String) get(Entity.CONTACTS, rows.get(0), CuratedSchema.REJECT_DETAIL)).contains("added_on"));
        assertEquals(3, rows.size());
        assertEquals("missing_column", reason(Entity.CONTACTS, rows.get(1)));
        assertEquals("missing_column", reason(Entity.CONTACTS, rows.get(2)));
    }

    @Test
    void everyRowLevelRejectReason() throws IOException {
        String text = String.join("\n",
                "event_id,student_id,occurred_at,event_type,contact_id,direction,cards_collected,registered",
                "E1,S1,2026-03-02T10:00,career_fair,,,3,yes", // 2 valid
                "E2,S1,2026-03-02T10:00,career_fair,,,3", // 3 wrong_field_count
                ",S1,2026-03-02T10:00,career_fair,,,3,yes", // 4 missing_required
                "E4,S1,2026-03-32,career_fair,,,3,yes", // 5 bad_date
                "E5,S1,soon,career_fair,,,3,yes", // 6 bad_timestamp
                "E6,S1,2026-03-02T10:00,career_fair,,sideways,3,yes", // 7 bad_enum
                "E7,S1,2026-03-02T10:00,career_fair,,,-1,yes", // 8 bad_number
                "E8,S1,2026-03-02T10:00,speed_dating,,,3,yes", // 9 unknown_event_type
                "E9,S1,2026-03-12T10:00,career_fair,,,3,yes", // 10 occurred_after_export (export 03-10 + 1 day = 11th)
                "\"E10\"x,S1,2026-03-02T10:00,career_fair,,,3,yes", // 11 malformed_csv
                "E11,S1,2026-03-11T23:59,career_fair,,,3,maybe", // 12 bad_boolean
                "E12,S1,2026-03-11T23:59,career_fair,,,3,no"); // 13 valid: one day after export is allowed
        List<Row> rows = parse(Entity.EVENTS, text, office());
        List<String> reasons = rows.subList(1, rows.size()).stream().map(r -> reason(Entity.EVENTS, r)).toList();
        assertEquals(java.util.Arrays.asList(null, "wrong_field_count", "missing_required", "bad_date", "bad_timestamp",
                "bad_enum", "bad_number", "unknown_event_type", "occurred_after_export", "malformed_csv", "bad_boolean",
                null), reasons);
        for (int i = 1; i < rows.size(); i++) {
            assertEquals((long) i + 1, get(Entity.EVENTS, rows.get(i), CuratedSchema.LINE_NUMBER));
        }
        assertTrue(((String) get(Entity.EVENTS, rows.get(6), CuratedSchema.REJECT_DETAIL)).contains("direction"));
        assertNull(get(Entity.EVENTS, rows.get(10), CuratedSchema.RAW_TEXT),
                "a record that cannot be split into fields keeps no text: file and line find it");
    }

    @Test
    void eventTimesAndDefaults() throws IOException {
        List<Row> rows = parse(Entity.EVENTS, "event_id,student_id,occurred_at,event_type\n"
                + "E1,S1,2026-03-02,Informational_Interview\nE2,S1,2026-03-02T23:30:00-05:00,thank_you\n", office());
        Row day = rows.get(1);
        assertEquals(Boolean.TRUE, get(Entity.EVENTS, day, "day_precision"));
        assertEquals(Instant.parse("2026-03-02T05:00:00Z"), get(Entity.EVENTS, day, "occurred_at"));
        assertEquals("informational_interview", get(Entity.EVENTS, day, "event_type"));
        assertEquals("attendee", get(Entity.EVENTS, day, "role"), "role defaults to attendee");
        Row precise = rows.get(2);
        assertEquals(Boolean.FALSE, get(Entity.EVENTS, precise, "day_precision"));
        assertEquals(LocalDate.of(2026, 3, 2), get(Entity.EVENTS, precise, "occurred_on"));
    }

    @Test
    void officeEventTypeNamesAndStatusDefault() throws IOException {
        OfficeConfig o = office();
        o.eventTypes = Map.of("Speaker/Panel", "career_panel");
        List<Row> rows = parse(Entity.EVENTS, "event_id,student_id,occurred_at,event_type\nE1,S1,2026-03-02,speaker/panel\n", o);
        assertEquals("career_panel", get(Entity.EVENTS, rows.get(1), "event_type"));
        rows = parse(Entity.CONTACTS, "contact_id,student_id,added_on,relationship\nC1,S1,2026-01-01,mentor\n", o);
        assertEquals("active", get(Entity.CONTACTS, rows.get(1), "status"));
    }

    @Test
    void utf8BomAndWindows1252AreRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "contact_id,student_id,added_on,relationship,organization\r\nC1,S1,2026-01-01,peer,Café Lumière\r\n"
                .getBytes(Charset.forName("windows-1252"));
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        OfficeConfig o = office();
        o.encoding = "windows-1252";
        List<Row> rows = parse(Entity.CONTACTS, all, o);
        assertNull(reason(Entity.CONTACTS, rows.get(0)), "the BOM does not spoil the first header");
        assertEquals("Café Lumière", get(Entity.CONTACTS, rows.get(1), "organization"));
    }

    @Test
    void bytesInTheWrongEncodingAreRejectedAsBadEncoding() throws IOException {
        byte[] body = "contact_id,student_id,added_on,relationship,organization\nC1,S1,2026-01-01,peer,Café\n"
                .getBytes(Charset.forName("windows-1252"));
        List<Row> rows = parse(Entity.CONTACTS, body, office());
        assertEquals("bad_encoding", reason(Entity.CONTACTS, rows.get(1)));
    }

    @Test
    void linkedInExportWithNotesLinesMappingDefaultsAndPseudonymizedIds() throws IOException {
        OfficeConfig o = office();
        o.headerSearchLines = 5;
        o.dateFormats = List.of("d MMM yyyy");
        o.mapping = Map.of("contacts", Map.of("contact_id", "URL", "student_id", "Student ID", "added_on", "Connected On",
                "organization", "Company"));
        o.defaults = Map.of("contacts", Map.of("relationship", "professional", "source", "online"));
        o.pseudonymize = Map.of("contacts", List.of("contact_id"));
        String text = "Notes:\n\"When exporting, some e-mail addresses are missing.\"\n\n"
                + "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Student ID\n"
                + "Ana,Kim,https://www.linkedin.com/in/ana-kim,ana@x.org,Acme,Analyst,12 Mar 2024,S7\n"
                + "Bo,Li,https://www.linkedin.com/in/bo-li,bo@x.org,Acme,Analyst,31 Feb 2024,S7\n";
        List<Row> rows = parse(Entity.CONTACTS, text, o);
        assertEquals(3, rows.size(), "notes lines before the header are not records");
        Row c = rows.get(1);
        assertNull(reason(Entity.CONTACTS, c));
        assertEquals(LocalDate.of(2024, 3, 12), get(Entity.CONTACTS, c, "added_on"));
        assertEquals("professional", get(Entity.CONTACTS, c, "relationship"));
        assertEquals("S7", get(Entity.CONTACTS, c, "student_id"));
        assertEquals(RowValidator.pseudonym("https://www.linkedin.com/in/ana-kim"), get(Entity.CONTACTS, c, "contact_id"));
        assertFalse(c.toString().contains("Ana") || c.toString().contains("linkedin.com"));
        Row bad = rows.get(2);
        assertEquals("bad_date", reason(Entity.CONTACTS, bad));
        assertEquals(6L, get(Entity.CONTACTS, bad, CuratedSchema.LINE_NUMBER));
        String raw = (String) get(Entity.CONTACTS, bad, CuratedSchema.RAW_TEXT);
        assertFalse(raw.contains("Bo") || raw.contains("bo@x.org"), "names and e-mails are blanked in the rejects table: " + raw);
        assertTrue(raw.contains("31 Feb 2024"));
        assertFalse(raw.contains("linkedin.com"), "a pseudonymised id is hashed in the rejects table too: " + raw);
        assertTrue(raw.contains(RowValidator.pseudonym("https://www.linkedin.com/in/bo-li")), raw);
    }

    @Test
    void notesAreKeptOnlyWhenTheOfficeOptsIn() throws IOException {
        String text = "event_id,student_id,occurred_at,event_type,notes\nE1,S1,2026-03-02,seminar,\"Met Dr. X,\nnice\"\n";
        assertNull(get(Entity.EVENTS, parse(Entity.EVENTS, text, office()).get(1), "notes"));
        OfficeConfig o = office();
        o.keepNotes = true;
        assertEquals("Met Dr. X,\nnice", get(Entity.EVENTS, parse(Entity.EVENTS, text, o).get(1), "notes"));
    }

    @Test
    void aFileInAnotherEncodingIsRejectedWholeWithAHint() throws IOException {
        byte[] utf16 = "contact_id,student_id,added_on,relationship\nC1,S1,2026-01-01,peer\n"
                .getBytes(StandardCharsets.UTF_16);
        List<Row> rows = parse(Entity.CONTACTS, utf16, office());
        String detail = (String) get(Entity.CONTACTS, rows.get(0), CuratedSchema.REJECT_DETAIL);
        assertEquals("missing_column", reason(Entity.CONTACTS, rows.get(0)));
        assertTrue(detail.contains("not readable as UTF-8"), detail);
        assertEquals(2, rows.size(), "the file row and its one record, rejected with the file");
    }

    @Test
    void anEmptyFileIsRejectedWhole() throws IOException {
        List<Row> rows = parse(Entity.STUDENTS, "", office());
        assertEquals(1, rows.size());
        assertEquals("missing_column", reason(Entity.STUDENTS, rows.get(0)));
    }

    private static final String SENTINEL = "SENTINEL-Jane-Roe-555-0199";

    @Test
    void rejectedRecordsThatCannotBeMatchedToTheHeaderKeepNoText() throws IOException {
        String text = "event_id,student_id,occurred_at,event_type,notes\n"
                + "E1,S1,2026-03-02,seminar,\"" + SENTINEL + "\"x\n" // text after a closing quote
                + "E2,S1,2026-03-02,seminar," + SENTINEL + ",extra\n" // one field too many
                + "E3,S1,2026-03-02,seminar,\"" + SENTINEL + " never closed\n"
                + "E4,S1,2026-03-02,party," + SENTINEL + "\n"; // fields line up: the note is blanked
        List<Row> rows = parse(Entity.EVENTS, text, office());
        assertEquals(List.of("malformed_csv", "wrong_field_count", "malformed_csv", "unknown_event_type"),
                rows.subList(1, 5).stream().map(r -> reason(Entity.EVENTS, r)).toList());
        for (int i = 1; i <= 3; i++) {
            assertNull(get(Entity.EVENTS, rows.get(i), CuratedSchema.RAW_TEXT), "line " + (i + 1));
        }
        assertEquals("E4,S1,2026-03-02,party,***", get(Entity.EVENTS, rows.get(4), CuratedSchema.RAW_TEXT));
        rows.forEach(r -> assertFalse(r.toString().contains("SENTINEL"), r.toString()));
    }

    @Test
    void aClosedQuotedNoteOverOneMegabyteOnManyLinesIsOneRecord() throws IOException {
        String line = "n".repeat(40_000);
        String note = String.join("\n", java.util.Collections.nCopies(31, line)); // 1.24 MB on 31 lines
        String text = "event_id,student_id,occurred_at,event_type,notes\n"
                + "E1,S1,2026-03-02,seminar,\"" + note + "\"\n"
                + "E2,S1,2026-03-02,seminar,short\n";
        OfficeConfig o = office();
        o.keepNotes = true;
        List<Row> rows = parse(Entity.EVENTS, text, o);
        assertEquals(3, rows.size(), "the file row and two records");
        assertNull(reason(Entity.EVENTS, rows.get(1)));
        assertEquals(note, get(Entity.EVENTS, rows.get(1), "notes"));
        assertEquals(33L, get(Entity.EVENTS, rows.get(2), CuratedSchema.LINE_NUMBER));
    }

    @Test
    void aRecordOverTheLimitIsOneRejectRecordTooLarge() throws IOException {
        String line = "n".repeat(1 << 20);
        String note = String.join("\n", java.util.Collections.nCopies(17, line)); // 17 Mi characters
        String text = "event_id,student_id,occurred_at,event_type,notes\n"
                + "E1,S1,2026-03-02,seminar,\"" + note + "\"\n"
                + "E2,S1,2026-03-02,seminar,short\n";
        List<Row> rows = parse(Entity.EVENTS, text, office());
        assertEquals(3, rows.size(), "one reject for the whole record, then the next row");
        assertEquals("record_too_large", reason(Entity.EVENTS, rows.get(1)));
        assertEquals(2L, get(Entity.EVENTS, rows.get(1), CuratedSchema.LINE_NUMBER));
        assertNull(get(Entity.EVENTS, rows.get(1), CuratedSchema.RAW_TEXT));
        assertNull(reason(Entity.EVENTS, rows.get(2)));
        assertEquals(19L, get(Entity.EVENTS, rows.get(2), CuratedSchema.LINE_NUMBER));
    }

    @Test
    void overLongIdsAreRejectedValueTooLongWithoutCopyingTheValue() throws IOException {
        String longId = "S" + "9".repeat(40_000);
        String text = "student_id,program,program_start,counselor_id\n"
                + longId + ",masters,2025-09-01,C1\n"
                + "S2,masters,2025-09-01," + "C".repeat(Column.MAX_ID_LENGTH + 1) + "\n"
                + "S3,masters,2025-09-01," + "C".repeat(Column.MAX_ID_LENGTH) + "\n";
        List<Row> rows = parse(Entity.STUDENTS, text, office());
        assertEquals("value_too_long", reason(Entity.STUDENTS, rows.get(1)));
        String detail = (String) get(Entity.STUDENTS, rows.get(1), CuratedSchema.REJECT_DETAIL);
        assertTrue(detail.startsWith("student_id is 40001 characters long; at most 128"), detail);
        assertTrue(((String) get(Entity.STUDENTS, rows.get(1), CuratedSchema.RAW_TEXT)).length() < 4100);
        assertEquals("value_too_long", reason(Entity.STUDENTS, rows.get(2)));
        assertNull(reason(Entity.STUDENTS, rows.get(3)), "exactly the maximum is accepted");
    }
}
