package io.careerlens.report;

import static io.careerlens.report.ReportFixtures.c;
import static io.careerlens.report.ReportFixtures.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Notes next to figures that cannot speak for themselves: history that starts late, fields an office never sends. */
class FigureNotesTest {
    private static ReportInput input(LocalDate historyStart, long withCadence, long withNext, long withPriority, long mentors) {
        Map<String, Table> t = new LinkedHashMap<>(ReportFixtures.systemTables());
        t.put("stage_funnel", table("stage_funnel", List.of(c("office_id", Kind.TEXT), c("cohort", Kind.TEXT),
                        c("program", Kind.TEXT), c("students", Kind.INT)),
                new Object[] {"big", "2023", "phd", 4L}, new Object[] {"big", "2024", "phd", 4L},
                new Object[] {"big", "2025", "masters", 4L}, new Object[] {"big", "2026", "masters", 4L}));
        t.put("data_quality_office", table("data_quality_office", List.of(c("office_id", Kind.TEXT),
                        c("contacts", Kind.INT), c("contacts_with_cadence", Kind.INT), c("contacts_with_next_contact", Kind.INT),
                        c("contacts_with_priority_fields", Kind.INT), c("mentor_contacts", Kind.INT),
                        c("history_starts_on", Kind.DATE)),
                new Object[] {"big", 40L, withCadence, withNext, withPriority, mentors, historyStart}));
        return new ReportInput(ReportFixtures.D, ReportFixtures.BIG, List.of(ReportFixtures.BIG), t, ReportFixtures.params(),
                5, 0.8, 0.5);
    }

    @Test
    void cohortsThatStartedBeforeTheHistoryAreNamed() {
        String note = FigureNotes.about(input(LocalDate.of(2025, 9, 12), 1, 1, 1, 1), "big", FigureNotes.HISTORY);
        assertTrue(note.startsWith("The warehouse's history of this office starts on 2025-09-12: cohorts 2023 and 2024 "
                + "started before it, and cohort 2025 may have too"), note);
        assertTrue(note.contains("medians are inflated"), note);

        assertNull(FigureNotes.about(input(LocalDate.of(2023, 1, 1), 1, 1, 1, 1), "big", FigureNotes.HISTORY),
                "history from the first day of the oldest cohort's year: nothing to say");
        assertTrue(FigureNotes.about(input(LocalDate.of(2023, 1, 2), 1, 1, 1, 1), "big", FigureNotes.HISTORY)
                .contains("cohort 2023 may have started before it"), "one day later: the oldest cohort may have");
        assertNull(FigureNotes.about(input(null, 1, 1, 1, 1), "big", FigureNotes.HISTORY), "no event yet: no history to date");
    }

    @Test
    void fieldsAnOfficeNeverSendsAreSaidNotShownAsZero() {
        List<String[]> notes = FigureNotes.forOffice(input(null, 0, 3, 0, 2), "big");
        assertEquals(List.of(FigureNotes.CADENCE, FigureNotes.PRIORITY), notes.stream().map(n -> n[0]).toList());
        assertTrue(notes.get(1)[1].contains("missing"));
        assertEquals(List.of(FigureNotes.NEXT_CONTACT, FigureNotes.MENTORS),
                FigureNotes.forOffice(input(null, 5, 0, 5, 0), "big").stream().map(n -> n[0]).toList());
        assertTrue(FigureNotes.forOffice(input(null, 1, 1, 1, 1), "other").isEmpty(), "an office without a row: no note");
    }
}
