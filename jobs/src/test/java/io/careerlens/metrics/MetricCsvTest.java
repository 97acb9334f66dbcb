package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class MetricCsvTest {
    private static String f(String name, org.apache.spark.sql.types.DataType type, Object v) {
        return MetricCsv.format(new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty()), v);
    }

    @Test
    void valuesAreWrittenInTheSpecFormats() {
        assertEquals("2026-03-01", f("due_on", DataTypes.DateType, LocalDate.of(2026, 3, 1)));
        assertEquals("2026-03", f("month", DataTypes.DateType, LocalDate.of(2026, 3, 1)));
        assertEquals("0.333333", f("compliance", DataTypes.DoubleType, 1.0 / 3));
        assertEquals("45.5", f("median_days_to_exposure", DataTypes.DoubleType, 45.5));
        assertEquals("true", f("stalled", DataTypes.BooleanType, true));
        assertEquals("", f("inside_share", DataTypes.DoubleType, null));
        assertEquals("-3", f("days_overdue", DataTypes.IntegerType, -3), "numbers are not neutralised");
    }

    @Test
    void textThatCouldStartAFormulaIsNeutralised() {
        assertEquals("'=HYPERLINK(\"x\")", f("contact_id", DataTypes.StringType, "=HYPERLINK(\"x\")"));
        assertEquals("'+Plus", f("organization", DataTypes.StringType, "+Plus"));
        assertEquals("'-1", f("student_id", DataTypes.StringType, "-1"));
        assertEquals("'@Home", f("contact_id", DataTypes.StringType, "@Home"));
        assertEquals("S0001", f("student_id", DataTypes.StringType, "S0001"));
    }
}
