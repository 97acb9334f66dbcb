package io.careerlens.publish;

import io.careerlens.report.ColumnSpec;
import io.careerlens.report.Table;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A student-level table handed to the workbooks one office at a time. It is sorted by office once
 * and read in one pass as the offices are asked for, in ascending order of their ids: one sort and
 * one scan per table whatever the number of offices (a query per office and table cost about three
 * Spark jobs each, 700 on 50 offices), and only the office at hand is held in memory.
 */
final class OfficeRows {
    private final String name;
    private final Dataset<Row> byOffice;
    private final List<ColumnSpec> columns;
    private final int officeAt;
    private Iterator<Row> rows;
    private Row next;
    private String last;

    /** @param byOffice the table sorted by office_id first (a metric table's registry order is) */
    OfficeRows(String name, Dataset<Row> byOffice) {
        io.careerlens.warehouse.Columns.require(byOffice, "office rows of " + name, "office_id");
        this.name = name;
        this.byOffice = byOffice;
        this.columns = ReportTables.columns(byOffice);
        this.officeAt = byOffice.schema().fieldIndex("office_id");
    }

    /**
     * The rows of {@code office}, in the table's order; rows of offices before it that were never
     * asked for are passed over. Office ids are ASCII (configuration rule), so Java's order is Spark's.
     * @throws IllegalStateException when offices are not asked for in ascending order
     */
    Table take(String office) {
        if (last != null && office.compareTo(last) <= 0) {
            throw new IllegalStateException("offices of " + name + " must be taken in ascending order: " + office
                    + " asked after " + last);
        }
        last = office;
        if (rows == null) {
            rows = byOffice.toLocalIterator();
        }
        List<List<Object>> out = new ArrayList<>();
        while (next != null || rows.hasNext()) {
            if (next == null) {
                next = rows.next();
            }
            int c = next.getString(officeAt).compareTo(office);
            if (c > 0) {
                break;
            }
            if (c == 0) {
                out.add(ReportTables.values(next));
            }
            next = null;
        }
        return new Table(name, columns, out);
    }
}
