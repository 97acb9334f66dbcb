package io.careerlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricTableTest {
    @Test
    void namesAreUniqueSnakeCaseAndEveryTableIsOrderedByOfficeFirst() {
        Set<String> names = Arrays.stream(MetricTable.values()).map(MetricTable::tableName).collect(Collectors.toSet());
        assertEquals(MetricTable.values().length, names.size());
        for (MetricTable t : MetricTable.values()) {
            assertTrue(t.tableName().matches("[a-z]+(_[a-z]+)*"), t.tableName());
            assertEquals("metric_" + t.tableName(), t.deltaTable());
            assertEquals("office_id", t.order().get(0), t + " is read and shown office by office");
            assertEquals(t.order().subList(1, t.order().size()), t.orderWithinOffice());
        }
    }
}
