package io.careerlens.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.careerlens.warehouse.Keys;
import io.careerlens.warehouse.Columns;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** SPEC 2.4: data-quality figures per file and per office. */
public final class DataQuality {
    private static final String KNOWN_STUDENT = Columns.internal("known_student");
    private DataQuality() {
    }

    /** One row per file ingestion recorded in the ledger, for exports dated on or before D. */
    public static Dataset<Row> files(Dataset<Row> ledger, LocalDate asOf) {
        Columns.require(ledger, "data quality", "office_id", "export_date", "entity", "path", "rows_read", "accepted",
                "rejected", "duplicates", "orphans", "status", "reason", "run_id");
        return ledger.filter(col("export_date").leq(lit(asOf)))
                .select(col("office_id"), col("export_date"), col("entity"), col("path").as("file"), col("rows_read"),
                        col("accepted"), col("rejected"), col("duplicates"), col("orphans"), col("status"), col("reason"),
                        col("run_id"));
    }

    /**
     * Per office: freshness (latest export date), table sizes, orphans as they stand now, events
     * whose student differs from their contact's student, and file outcomes.
     */
    public static Dataset<Row> offices(MetricInputs in, Dataset<Row> files) {
        Dataset<Row> students = in.students().select("office_id", "student_id").withColumn(KNOWN_STUDENT, lit(1));
        Dataset<Row> contacts = in.contacts().select(col("office_id"), col("contact_id"), col("student_id").as("contact_student"));
        // which optional fields the office's exports carry at all: a rule or figure that needs one the
        // office never sends is said so in the reports rather than shown as 0
        Dataset<Row> contactFigures = in.contacts().join(students, Keys.STUDENT, "left").groupBy("office_id")
                .agg(count(lit(1)).as("contacts"), sum(when(col(KNOWN_STUDENT).isNull(), 1).otherwise(0)).as("orphan_contacts"),
                        count("cadence_days").as("contacts_with_cadence"),
                        count("next_contact_on").as("contacts_with_next_contact"),
                        sum(when(col("likes").isNotNull().and(col("can_help").isNotNull()), 1).otherwise(0))
                                .as("contacts_with_priority_fields"),
                        sum(when(col("relationship").equalTo("mentor"), 1).otherwise(0)).as("mentor_contacts"));
        Dataset<Row> eventFigures = in.events().join(students, Keys.STUDENT, "left")
                .join(contacts, Keys.CONTACT, "left")
                .groupBy("office_id").agg(count(lit(1)).as("events"),
                        sum(when(col(KNOWN_STUDENT).isNull().or(col("contact_id").isNotNull().and(col("contact_student").isNull())), 1)
                                .otherwise(0)).as("orphan_events"),
                        sum(when(col("contact_student").isNotNull().and(not(col("contact_student").equalTo(col("student_id")))), 1)
                                .otherwise(0)).as("events_with_other_students_contact"),
                        // where the warehouse's history of the office begins: stage dates before it are unknown
                        min(when(col("occurred_on").leq(lit(in.asOf())), col("occurred_on"))).as("history_starts_on"));
        Dataset<Row> fileFigures = files.groupBy("office_id").agg(max("export_date").as("latest_export_date"),
                count(lit(1)).as("files"), sum("rows_read").as("rows_read"), sum("rejected").as("rejected"),
                sum("duplicates").as("duplicates"),
                sum(when(col("status").equalTo("quarantined"), 1).otherwise(0)).as("quarantined_files"),
                sum(when(col("status").equalTo("rejected_file"), 1).otherwise(0)).as("rejected_files"));
        Dataset<Row> studentCounts = in.students().groupBy("office_id").agg(count(lit(1)).as("students"));
        return in.offices().select("office_id")
                .join(fileFigures, Keys.OFFICE, "left")
                .join(studentCounts, Keys.OFFICE, "left")
                .join(contactFigures, Keys.OFFICE, "left")
                .join(eventFigures, Keys.OFFICE, "left")
                .na().fill(0)
                .withColumn("days_since_export", org.apache.spark.sql.functions.datediff(lit(in.asOf()), col("latest_export_date")));
    }

    /** the rejects table's columns this report reads (an empty table of them when no row was ever rejected). */
    public static org.apache.spark.sql.types.StructType rejectColumns() {
        return new org.apache.spark.sql.types.StructType().add("office_id", "string").add("export_date", "date")
                .add("source_file", "string").add("line_number", "long").add("reason", "string").add("detail", "string");
    }

    /**
     * For an office to correct its export without reading logs: per file of the exports dated in the
     * {@code days} days ending at D, and per reason, how many rows were rejected, the first lines
     * (up to 10), the first line's detail, and what to fix. Raw text is never shown.
     */
    public static Dataset<Row> rejectedLines(Dataset<Row> rejects, LocalDate asOf, int days,
                                             java.util.Map<String, String> whatToFix) {
        Columns.require(rejects, "rejected lines", "office_id", "export_date", "source_file", "line_number", "reason",
                "detail");
        String n = Columns.internal("n");
        java.util.List<Row> help = new java.util.ArrayList<>();
        whatToFix.forEach((reason, fix) -> help.add(org.apache.spark.sql.RowFactory.create(reason, fix)));
        Dataset<Row> fixes = rejects.sparkSession().createDataFrame(help, new org.apache.spark.sql.types.StructType()
                .add("reason", "string").add("what_to_fix", "string"));
        org.apache.spark.sql.expressions.WindowSpec first = org.apache.spark.sql.expressions.Window
                .partitionBy("office_id", "source_file", "reason").orderBy("line_number");
        return rejects.filter(col("export_date").leq(lit(asOf)).and(col("export_date").gt(lit(asOf.minusDays(days)))))
                .withColumn(n, org.apache.spark.sql.functions.row_number().over(first))
                .groupBy("office_id", "export_date", "source_file", "reason")
                .agg(count(lit(1)).as("rejected"),
                        org.apache.spark.sql.functions.concat_ws(", ", org.apache.spark.sql.functions.sort_array(
                                org.apache.spark.sql.functions.collect_list(when(col(n).leq(10), col("line_number"))))
                                .cast("array<string>")).as("first_lines"),
                        org.apache.spark.sql.functions.min_by(col("detail"), col("line_number")).as("first_detail"))
                .join(org.apache.spark.sql.functions.broadcast(fixes), Keys.of("reason"), "left")
                .withColumnRenamed("source_file", "file")
                .select("office_id", "export_date", "file", "reason", "rejected", "first_lines", "first_detail", "what_to_fix");
    }
}
