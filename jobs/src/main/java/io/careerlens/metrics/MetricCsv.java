package io.careerlens.metrics;

import io.careerlens.report.SafeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a metric table as CSV for analysts (SPEC 3.2): header row, RFC 4180, UTF-8, dates
 * YYYY-MM-DD, months YYYY-MM, rates with 6 decimals, booleans true/false, empty for null, text
 * that could start a formula neutralised. Rows stream from Spark one partition at a time.
 */
public final class MetricCsv {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private MetricCsv() {
    }

    /** @return the number of data rows written (report folders are local: no Hadoop checksum files beside them) */
    public static long write(Dataset<Row> table, String file) {
        StructField[] fields = table.schema().fields();
        java.nio.file.Path path = java.nio.file.Path.of(file);
        try {
            java.nio.file.Files.createDirectories(path.getParent());
            long n = 0;
            try (Writer w = java.nio.file.Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                 CSVPrinter out = new CSVPrinter(w, FORMAT)) {
                for (StructField f : fields) {
                    out.print(f.name());
                }
                out.println();
                Iterator<Row> rows = table.toLocalIterator();
                while (rows.hasNext()) {
                    Row r = rows.next();
                    for (int i = 0; i < fields.length; i++) {
                        out.print(format(fields[i], r.isNullAt(i) ? null : r.get(i)));
                    }
                    out.println();
                    n++;
                }
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes one file per office ({@code <dir>/<office>/<name>.csv}) in a single pass over the
     * table; every office gets its file, with a header when it has no rows.
     * @return rows written per file (relative path)
     */
    public static Map<String, Long> writePerOffice(Dataset<Row> table, java.util.Collection<String> offices, String dir,
                                                   String name, boolean dropOfficeColumn) {
        StructField[] all = table.schema().fields();
        int officeAt = table.schema().fieldIndex("office_id");
        Map<String, CSVPrinter> printers = new java.util.LinkedHashMap<>();
        Map<String, Long> rows = new java.util.LinkedHashMap<>();
        try {
            for (String office : offices) {
                java.nio.file.Path path = java.nio.file.Path.of(dir, office, name + ".csv");
                java.nio.file.Files.createDirectories(path.getParent());
                CSVPrinter out = new CSVPrinter(java.nio.file.Files.newBufferedWriter(path, StandardCharsets.UTF_8), FORMAT);
                for (int i = 0; i < all.length; i++) {
                    if (!(dropOfficeColumn && i == officeAt)) {
                        out.print(all[i].name());
                    }
                }
                out.println();
                printers.put(office, out);
                rows.put(office + "/" + name + ".csv", 0L);
            }
            Iterator<Row> it = table.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                String office = r.getString(officeAt);
                CSVPrinter out = printers.get(office);
                if (out == null) {
                    continue;
                }
                for (int i = 0; i < all.length; i++) {
                    if (!(dropOfficeColumn && i == officeAt)) {
                        out.print(format(all[i], r.isNullAt(i) ? null : r.get(i)));
                    }
                }
                out.println();
                rows.merge(office + "/" + name + ".csv", 1L, Long::sum);
            }
            for (CSVPrinter p : printers.values()) {
                p.close();
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " files under " + dir + ": " + e.getMessage(), e);
        }
    }

    static String format(StructField field, Object value) {
        if (value == null) {
            return "";
        }
        DataType t = field.dataType();
        if (t.equals(DataTypes.DateType)) {
            LocalDate d = value instanceof java.sql.Date sd ? sd.toLocalDate() : (LocalDate) value;
            return field.name().equals("month") ? d.toString().substring(0, 7) : d.toString();
        }
        if (t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType) || t instanceof org.apache.spark.sql.types.DecimalType) {
            double v = ((Number) value).doubleValue();
            if (field.name().startsWith("median")) {
                return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
            }
            return String.format(Locale.ROOT, "%.6f", v);
        }
        if (t.equals(DataTypes.StringType)) {
            return SafeText.neutralise((String) value);
        }
        return value.toString();
    }
}
