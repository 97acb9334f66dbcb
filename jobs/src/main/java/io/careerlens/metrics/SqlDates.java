package io.careerlens.metrics;

import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/** Date helpers: "the N days ending at D" are D-N+1 .. D. */
final class SqlDates {
    private SqlDates() {
    }

    /** the first day of the N days ending at {@code end}. */
    static Column windowStart(Column end, int days) {
        return date_sub(end, days - 1);
    }

    static Column windowStart(LocalDate end, int days) {
        return lit(end.minusDays(days - 1L));
    }

    /** true when {@code date} is within the N days ending at {@code end}. */
    static Column within(Column date, Column end, int days) {
        return date.between(windowStart(end, days), end);
    }

    static Column within(Column date, LocalDate end, int days) {
        return date.between(windowStart(end, days), lit(end));
    }
}
