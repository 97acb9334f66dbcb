package io.careerlens.ingest;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An occurred_at value: the instant, the office-local date it falls on, and whether only the date
 * was known (day precision: the instant is then the start of that local day).
 */
public record LocalTimestamp(Instant instant, LocalDate localDate, boolean dayPrecision) {
}
