package io.careerlens.metrics;

import io.careerlens.config.Rules;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What every metric reads, as of D: the curated tables (current versions), the offices' time
 * zones ({@code office_id, timezone}) and the rule parameters. Building the as-of views is cheap
 * (lazy); each metric takes what it needs.
 */
public record MetricInputs(LocalDate asOf, Rules rules, Dataset<Row> students, Dataset<Row> contacts,
                           Dataset<Row> events, Dataset<Row> offices) {

    /** activities: events that happened on or before D, with stage and effective direction. */
    public Dataset<Row> activities() {
        return Activities.asOf(events, asOf);
    }

    /** contacts added on or before D, archived included. */
    public Dataset<Row> contactsAdded() {
        return Activities.contactsAsOf(contacts, asOf);
    }

    /** contacts added on or before D and not archived. */
    public Dataset<Row> network() {
        return Activities.networkAsOf(contacts, asOf);
    }

    /** students with their cohort (the year of program_start). */
    public Dataset<Row> studentsWithCohort() {
        return students.select(org.apache.spark.sql.functions.col("office_id"), org.apache.spark.sql.functions.col("student_id"),
                org.apache.spark.sql.functions.year(org.apache.spark.sql.functions.col("program_start")).as("cohort"),
                org.apache.spark.sql.functions.col("program"), org.apache.spark.sql.functions.col("program_start"),
                org.apache.spark.sql.functions.col("counselor_id"));
    }
}
