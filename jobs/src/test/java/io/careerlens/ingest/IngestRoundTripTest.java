package io.careerlens.ingest;

import io.careerlens.contract.Column;
import io.careerlens.contract.Entity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.careerlens.config.Config;
import io.careerlens.config.OfficeConfig;
import io.careerlens.testing.Inboxes;
import io.careerlens.testing.SparkTestSession;
import io.careerlens.warehouse.Warehouse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every canonical column of every entity survives ingest: the values read back from the curated
 * table (and the versions table) equal the values written in the export file, in canonical form.
 * The columns come from {@link Entity}, so a column added later is covered without touching this
 * test, and a working column that overwrote an input column (events' outcome once did) fails it.
 */
class IngestRoundTripTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate EXPORT = LocalDate.of(2026, 2, 1);
    private static final String[] BOOLS = {"true", "no", "Y", "0", "yes", "FALSE", "1", "n"};
    private static final String[] TYPES = {"career_panel", "Club_Meeting", "informational_interview", "outreach",
        "thank_you", "volunteering", "mixer", "coffee_chat"};
    static SparkSession spark;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    /** Rows cycle through every value of every enumeration, so the biggest one sets the count. */
    private static int rowCount(Entity e) {
        int n = TYPES.length;
        for (Column c : e.columns()) {
            n = Math.max(n, c.values().size());
        }
        return n + 1;
    }

    /** the text written in the file for column c of row i, and the canonical value expected back. */
    private record Cell(String text, Object expected) {
    }

    private static Cell cell(Column c, int i) {
        return switch (c.type()) {
            case TEXT -> {
                String v = c.name() + "-" + i + (i % 2 == 0 ? "" : ", with \"quotes\" and é");
                yield new Cell(v, v);
            }
            case ENUM -> {
                String v = c.values().get(i % c.values().size());
                yield new Cell(i % 3 == 1 ? v.toUpperCase(Locale.ROOT) : v, v);
            }
            case BOOL -> {
                String v = BOOLS[i % BOOLS.length];
                yield new Cell(v, List.of("true", "yes", "y", "1").contains(v.toLowerCase(Locale.ROOT)));
            }
            case INT -> new Cell(String.valueOf(c.min() + i), c.min() + i);
            case DATE -> new Cell(LocalDate.of(2026, 1, 1).plusDays(i).toString(), LocalDate.of(2026, 1, 1).plusDays(i));
            case EVENT_TYPE -> new Cell(TYPES[i % TYPES.length], TYPES[i % TYPES.length].toLowerCase(Locale.ROOT));
            case TIMESTAMP -> timestamp(i);
        };
    }

    /** occurred_at in each accepted form; expected: [instant, local date, day precision]. */
    private static Cell timestamp(int i) {
        LocalDate day = LocalDate.of(2026, 1, 10).plusDays(i);
        return switch (i % 4) {
            case 0 -> new Cell(day + "T10:15:00+02:00",
                    List.of(Instant.parse(day + "T08:15:00Z"), day, false));
            case 1 -> new Cell(day + "T23:30:00Z", // 00:30 the next day in Paris (winter, UTC+1)
                    List.of(Instant.parse(day + "T23:30:00Z"), day.plusDays(1), false));
            case 2 -> new Cell(day + " 14:05", List.of(LocalDateTime.of(day, java.time.LocalTime.of(14, 5))
                    .atZone(PARIS).toInstant(), day, false));
            default -> new Cell(day.toString(), List.of(day.atStartOfDay(PARIS).toInstant(), day, true));
        };
    }

    private static Config config() {
        Config c = new Config();
        OfficeConfig o = new OfficeConfig();
        o.name = "Round trip";
        o.timezone = PARIS.getId();
        o.keepNotes = true;
        c.offices.put("rt", o);
        c.quality.maxRejectRate = 1.0;
        return c;
    }

    @Test
    void everyCanonicalColumnOfEveryEntityReadsBackAsWritten() throws Exception {
        Path inbox = tmp.resolve("inbox");
        Map<Entity, List<Map<String, Object>>> expected = new HashMap<>();
        for (Entity e : Entity.values()) {
            List<String> header = e.columns().stream().map(Column::name).toList();
            List<String> lines = new ArrayList<>();
            lines.add(String.join(",", header));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < rowCount(e); i++) {
                List<String> texts = new ArrayList<>();
                Map<String, Object> values = new HashMap<>();
                for (Column c : e.columns()) {
                    Cell cell = cell(c, i);
                    texts.add(cell.text());
                    values.put(c.name(), cell.expected());
                }
                lines.add(CSVFormat.RFC4180.format(texts.toArray()));
                rows.add(values);
            }
            Inboxes.write(inbox, "rt", EXPORT.toString(), e.fileName(), lines.toArray(new String[0]));
            expected.put(e, rows);
        }
        Path wh = tmp.resolve("wh");
        IngestReport report = new Ingestor(spark, config(), new Warehouse(spark, wh.toString()), "rt-run")
                .run(inbox.toString());
        Warehouse w = new Warehouse(spark, wh.toString());
        for (Entity e : Entity.values()) {
            FileResult f = report.files().stream().filter(r -> r.entity().equals(e.tableName())).findFirst().orElseThrow();
            assertEquals(rowCount(e), f.accepted(), e + ": every row accepted " + f);
            for (String table : List.of(e.tableName(), Ingestor.versionsTable(e))) {
                Map<String, Row> stored = new HashMap<>();
                for (Row r : w.read(table).collectAsList()) {
                    stored.put(r.getAs(e.keyColumn()), r);
                }
                assertEquals(rowCount(e), stored.size(), table);
                for (Map<String, Object> want : expected.get(e)) {
                    Row got = stored.get((String) want.get(e.keyColumn()));
                    assertTrue(got != null, table + " lacks " + want.get(e.keyColumn()));
                    for (Column c : e.columns()) {
                        assertColumn(table, c, want.get(c.name()), got);
                    }
                }
                assertNoPersonalValueInTheLog(wh.resolve(table), e, expected.get(e));
            }
        }
    }

    /**
     * Notes kept on opt-in are stored in the table's data files only: Delta's log and checksum files
     * (each file's smallest and largest values) hold none of them.
     */
    private static void assertNoPersonalValueInTheLog(Path table, Entity e, List<Map<String, Object>> rows) throws Exception {
        StringBuilder log = new StringBuilder();
        try (var files = java.nio.file.Files.list(table.resolve("_delta_log"))) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                log.append(new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertTrue(log.indexOf("minValues") >= 0, table + ": the log keeps statistics of the other columns");
        for (Column c : e.columns()) {
            if (c.personal()) {
                for (Map<String, Object> row : rows) {
                    // before any comma: JSON escapes the quotes that follow in some values
                    String value = String.valueOf(row.get(c.name())).split(",")[0];
                    assertTrue(!log.toString().contains(value), table.getFileName() + "'s log holds " + c.name() + " value '"
                            + value + "'");
                }
            }
        }
    }

    private static Object date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : v;
    }

    private static void assertColumn(String table, Column c, Object want, Row got) {
        String where = table + "." + c.name() + " of " + got.get(got.fieldIndex("line_number"));
        switch (c.type()) {
            case DATE -> assertEquals(want, date(got.getAs(c.name())), where);
            case TIMESTAMP -> {
                List<?> parts = (List<?>) want;
                Object at = got.getAs(c.name());
                assertEquals(parts.get(0), at instanceof java.sql.Timestamp t ? t.toInstant() : at, where);
                assertEquals(parts.get(1), date(got.getAs("occurred_on")), where + " (occurred_on)");
                assertEquals(parts.get(2), got.getAs("day_precision"), where + " (day_precision)");
            }
            default -> assertEquals(want, got.getAs(c.name()), where);
        }
    }
}
