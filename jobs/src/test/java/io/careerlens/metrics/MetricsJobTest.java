package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.careerlens.contract.Entity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the metrics step caches of the curated tables. */
class MetricsJobTest {
    @Test
    void theCacheHoldsTheOfficeAndTheCanonicalValuesWithoutProvenanceOrNotes() {
        assertEquals(List.of("office_id", "event_id", "student_id", "occurred_at", "occurred_on", "day_precision",
                "event_type", "contact_id", "direction", "channel", "role", "outcome", "registered", "checked_in",
                "cards_given", "cards_collected"), MetricsJob.figureColumns(Entity.EVENTS));
        assertEquals(List.of("office_id", "student_id", "program", "program_start", "department", "counselor_id"),
                MetricsJob.figureColumns(Entity.STUDENTS));
    }
}
