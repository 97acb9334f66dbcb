package io.careerlens.report;

import java.time.LocalDate;

/** An office as the reports name it, with the freshness of its data. */
public record OfficeInfo(String id, String name, String timezone, LocalDate latestExport) {
}
