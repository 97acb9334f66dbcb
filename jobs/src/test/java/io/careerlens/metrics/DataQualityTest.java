package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.careerlens.ingest.RejectReasons;
import io.careerlens.testing.SparkTestSession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The rejected lines an office sees in its workbook, from hand-made rejects. D = 2026-03-31, 30 days back. */
class DataQualityTest {
    @Test
    void perFileAndReasonTheCountTheFirstTenLinesTheFirstDetailAndWhatToFix() {
        SparkSession spark = SparkTestSession.get();
        List<Row> rows = new ArrayList<>();
        for (long line : new long[] {12, 3, 7}) {
            rows.add(RowFactory.create("o", LocalDate.of(2026, 3, 30), "o/2026-03-30/events.csv", line, "bad_date",
                    "occurred_on: '2026-13-0" + line % 10 + "'"));
        }
        for (long line = 20; line < 32; line++) {
            rows.add(RowFactory.create("o", LocalDate.of(2026, 3, 30), "o/2026-03-30/events.csv", line, "bad_number",
                    "cards_given"));
        }
        rows.add(RowFactory.create("o", LocalDate.of(2026, 3, 1), "o/2026-03-01/events.csv", 4L, "bad_date", "old"));
        rows.add(RowFactory.create("o", LocalDate.of(2026, 4, 2), "o/2026-04-02/events.csv", 4L, "bad_date", "later"));
        Map<String, Row> out = DataQuality.rejectedLines(spark.createDataFrame(rows, DataQuality.rejectColumns()),
                        LocalDate.of(2026, 3, 31), 30, RejectReasons.all()).collectAsList().stream()
                .collect(Collectors.toMap(r -> r.getAs("file") + "|" + r.getAs("reason"), r -> r));
        assertEquals(2, out.size(), "03-01 is 30 days before D (outside), 04-02 after it");
        Row dates = out.get("o/2026-03-30/events.csv|bad_date");
        assertEquals(3L, (long) dates.getAs("rejected"));
        assertEquals("3, 7, 12", dates.getAs("first_lines"), "in line order");
        assertEquals("occurred_on: '2026-13-03'", dates.getAs("first_detail"), "the detail of line 3");
        assertEquals(RejectReasons.help("bad_date"), dates.getAs("what_to_fix"));
        Row numbers = out.get("o/2026-03-30/events.csv|bad_number");
        assertEquals(12L, (long) numbers.getAs("rejected"));
        assertEquals("20, 21, 22, 23, 24, 25, 26, 27, 28, 29", numbers.getAs("first_lines"), "the first 10 only");
    }

    /** which optional fields an office sends and where its history starts, counted by hand from four contacts. */
    @Test
    void perOfficeFieldCoverageAndTheFirstEventUpToD() {
        SparkSession spark = SparkTestSession.get();
        io.careerlens.testing.TestData t = new io.careerlens.testing.TestData("o", "UTC");
        t.student("S", "phd", "2024-09-01");
        t.contact("C1", "S", "2025-01-01", "mentor").set("cadence_days", 30);
        t.contact("C2", "S", "2025-01-01", "alumni").set("likes", true).set("can_help", false);
        t.contact("C3", "S", "2025-01-01", "peer").set("likes", true); // can_help missing: not both fields
        t.contact("C4", "S", "2025-01-01", "peer").set("next_contact_on", LocalDate.of(2026, 1, 5));
        t.event("E1", "S", "2026-04-02", "career_panel"); // after D: not history as of D
        t.event("E2", "S", "2025-10-07", "career_panel");
        t.event("E3", "S", "2026-02-01", "career_panel");
        var in = t.inputs(spark, "2026-03-31");
        var files = DataQuality.files(spark.createDataFrame(List.of(), io.careerlens.ingest.Ingestor.ledgerSchema()), in.asOf());
        Row o = DataQuality.offices(in, files).collectAsList().get(0);
        assertEquals(4L, (long) o.getAs("contacts"));
        assertEquals(1L, (long) o.getAs("contacts_with_cadence"));
        assertEquals(1L, (long) o.getAs("contacts_with_next_contact"));
        assertEquals(1L, (long) o.getAs("contacts_with_priority_fields"), "C2 only: likes and can_help both given");
        assertEquals(1L, (long) o.getAs("mentor_contacts"));
        assertEquals(LocalDate.of(2025, 10, 7), o.getAs("history_starts_on"));
    }
}
