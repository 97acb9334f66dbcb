package io.careerlens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueParserTest {
    private final ValueParser ny = new ValueParser(ZoneId.of("America/New_York"), List.of("d MMM yyyy"));

    @Test
    void anOffsetIsThatInstantWhateverTheOfficeZone() throws Reject {
        LocalTimestamp t = ny.timestamp("occurred_at", "2026-03-02T14:05:00-05:00");
        assertEquals(Instant.parse("2026-03-02T19:05:00Z"), t.instant());
        assertFalse(t.dayPrecision());
        LocalTimestamp z = ny.timestamp("occurred_at", "2026-03-03T02:00:00Z");
        // 02:00 UTC is 21:00 on the 2nd in New York: the local date is the 2nd
        assertEquals(LocalDate.of(2026, 3, 2), z.localDate());
    }

    @Test
    void withoutOffsetTheOfficeZoneApplies() throws Reject {
        assertEquals(Instant.parse("2026-03-02T19:05:00Z"), ny.timestamp("occurred_at", "2026-03-02T14:05:00").instant());
        assertEquals(Instant.parse("2026-03-02T19:05:00Z"), ny.timestamp("occurred_at", "2026-03-02 14:05").instant());
        // summer time: UTC-4
        assertEquals(Instant.parse("2026-07-02T18:05:00Z"), ny.timestamp("occurred_at", "2026-07-02 14:05").instant());
    }

    @Test
    void dstGapMovesForwardAndOverlapTakesTheEarlierInstant() throws Reject {
        // 2026-03-08 02:30 does not exist in New York; the clock jumps to 03:30 EDT = 07:30Z
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"), ny.timestamp("occurred_at", "2026-03-08T02:30").instant());
        // 2026-11-01 01:30 happens twice; the first (EDT, UTC-4) is taken
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), ny.timestamp("occurred_at", "2026-11-01 01:30").instant());
    }

    @Test
    void aBareDateIsTheStartOfTheLocalDayWithDayPrecision() throws Reject {
        LocalTimestamp t = ny.timestamp("occurred_at", "2026-03-02");
        assertTrue(t.dayPrecision());
        assertEquals(Instant.parse("2026-03-02T05:00:00Z"), t.instant());
        assertEquals(LocalDate.of(2026, 3, 2), t.localDate());
    }

    @Test
    void badTimestampsAndDatesAreRejectedWithTheirReason() {
        assertEquals("bad_timestamp", assertThrows(Reject.class, () -> ny.timestamp("occurred_at", "yesterday")).reason());
        assertEquals("bad_date", assertThrows(Reject.class, () -> ny.timestamp("occurred_at", "2026-02-30")).reason());
        assertEquals("bad_date", assertThrows(Reject.class, () -> ny.date("added_on", "2025-02-29")).reason());
        assertEquals("bad_date", assertThrows(Reject.class, () -> ny.date("added_on", "12/03/2025")).reason());
    }

    @Test
    void officeDateFormatsAreAcceptedBesidesIso() throws Reject {
        assertEquals(LocalDate.of(2024, 3, 12), ny.date("added_on", "12 Mar 2024"));
        assertEquals(LocalDate.of(2024, 3, 12), ny.date("added_on", "2024-03-12"));
    }

    @Test
    void booleansAcceptEveryFormOfTheSpecInAnyCase() throws Reject {
        for (String t : List.of("true", "TRUE", "Yes", "y", "1")) {
            assertEquals(Boolean.TRUE, ValueParser.bool("likes", t), t);
        }
        for (String f : List.of("false", "No", "N", "0")) {
            assertEquals(Boolean.FALSE, ValueParser.bool("likes", f), f);
        }
        assertEquals("bad_boolean", assertThrows(Reject.class, () -> ValueParser.bool("likes", "maybe")).reason());
    }

    @Test
    void numbersOutsideTheirRangeAreBadNumbers() throws Reject {
        assertEquals(3650, ValueParser.integer("cadence_days", "3650", 1, 3650));
        assertEquals("bad_number", assertThrows(Reject.class, () -> ValueParser.integer("cadence_days", "0", 1, 3650)).reason());
        assertEquals("bad_number", assertThrows(Reject.class,
                () -> ValueParser.integer("cards_collected", "-2", 0, Integer.MAX_VALUE)).reason());
        assertEquals("bad_number", assertThrows(Reject.class, () -> ValueParser.integer("cards_given", "2.5", 0, 9)).reason());
    }
}
