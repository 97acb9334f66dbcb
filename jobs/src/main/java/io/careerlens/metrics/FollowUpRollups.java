package io.careerlens.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.careerlens.warehouse.Keys;
import io.careerlens.warehouse.Columns;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** SPEC 2.3 roll-ups: compliance per rule and month, per student, counselor and cohort; the action list. */
public final class FollowUpRollups {
    private FollowUpRollups() {
    }

    private static Column count(String status) {
        return sum(when(col("status").equalTo(status), 1).otherwise(0)).as(status);
    }

    private static Dataset<Row> tally(Dataset<Row> items, String... by) {
        return tally(items, false, by);
    }

    /** @param withStudents adds {@code students}: the distinct students behind the row's items (for small-cell suppression) */
    private static Dataset<Row> tally(Dataset<Row> items, boolean withStudents, String... by) {
        List<Column> counts = new ArrayList<>(List.of(count("missed"), count("pending"), count("unevaluable")));
        if (withStudents) {
            counts.add(countDistinct("student_id").as("students"));
        }
        return items.groupBy(Keys.cols(by)).agg(count("met"), counts.toArray(Column[]::new))
                .withColumn("compliance", when(col("met").plus(col("missed")).gt(0),
                        col("met").cast("double").divide(col("met").plus(col("missed")))));
    }

    /**
     * Per rule, office and month: window and next-contact items count in the month of their due
     * date (an item without one is in no month); keep_warm is the snapshot at each month's end.
     */
    public static Dataset<Row> monthly(Dataset<Row> items, Dataset<Row> keepWarmSnapshots) {
        Columns.require(items, "monthly compliance", "office_id", "rule", "student_id", "due_on", "status");
        Columns.require(keepWarmSnapshots, "monthly keep-warm", "office_id", "rule", "student_id", "month", "status");
        Dataset<Row> dated = items.filter(col("rule").notEqual(FollowUp.KEEP_WARM).and(col("due_on").isNotNull()))
                .withColumn("month", trunc(col("due_on"), "month"));
        return tally(dated, true, "office_id", "rule", "month")
                .unionByName(tally(keepWarmSnapshots, true, "office_id", "rule", "month"));
    }

    /** Per office, rule and one of student_id, counselor_id or cohort (items as of D). */
    public static Dataset<Row> by(Dataset<Row> items, Dataset<Row> students, String key) {
        Columns.require(students, "compliance by " + key, "office_id", "student_id", key);
        Dataset<Row> joined = key.equals("student_id") ? items
                : items.join(students.select("office_id", "student_id", key), Keys.STUDENT, "left");
        return tally(joined, "office_id", key, "rule");
    }

    /**
     * Every keep_warm and next_contact item now missed, and every window item missed with its due
     * date in the 14 days ending at D; most urgent first (catch_up_priority for keep_warm, days
     * overdue for the others), ranked per office.
     */
    public static Dataset<Row> actionList(Dataset<Row> items, Dataset<Row> students, Dataset<Row> contacts,
                                          LocalDate asOf, int recentDays) {
        Columns.require(items, "action list", "office_id", "rule", "student_id", "contact_id", "due_on", "status",
                "days_overdue", "catch_up_priority");
        Column recent = SqlDates.within(col("due_on"), asOf, recentDays);
        Column onList = col("status").equalTo("missed").and(col("rule").isin(FollowUp.KEEP_WARM, FollowUp.NEXT_CONTACT)
                .or(recent));
        Column urgency = when(col("rule").equalTo(FollowUp.KEEP_WARM), col("catch_up_priority"))
                .otherwise(col("days_overdue").cast("double"));
        String urgent = Columns.internal("urgency");
        return items.filter(onList)
                .join(students.select("office_id", "student_id", "counselor_id"), Keys.STUDENT, "left")
                .join(contacts.select("office_id", "contact_id", "relationship"), Keys.CONTACT, "left")
                .withColumn(urgent, coalesce(urgency, lit(0.0)))
                .withColumn("rank", row_number().over(Window.partitionBy("office_id").orderBy(col(urgent).desc(),
                        col("due_on").asc(), col("student_id"), col("contact_id"), col("rule"))))
                .select("office_id", "rank", "student_id", "counselor_id", "contact_id", "relationship", "rule", "due_on",
                        "days_overdue", "catch_up_priority");
    }

    /** what each rule asks of the student, in words, for the worklist. */
    private static Column reasonInWords(Column rule) {
        return when(rule.equalTo("thank_you_24h"), lit("thank-you after an informational interview"))
                .when(rule.equalTo("event_follow_up_72h"), lit("follow-up after meeting at a fair or mixer"))
                .when(rule.equalTo(FollowUp.KEEP_WARM), lit("keep warm: no touch within the cadence"))
                .when(rule.equalTo(FollowUp.NEXT_CONTACT), lit("planned next contact not made"))
                .otherwise(rule);
    }

    /**
     * The action list as a counselor works it: one row per student and contact with all its open
     * reasons, the contact's organization and last touch, and one urgency scale for every rule:
     * days past due (for keep-warm, past last touch + cadence), longest first within each
     * counselor's list ({@code priority}). Rows past due by
     * more than {@code backlogDays} are the backlog, listed apart. Pseudonymised contacts (long
     * hashed ids) get a readable label: organization and a short stable tag.
     */
    public static Dataset<Row> worklist(Dataset<Row> actionList, Dataset<Row> contacts, Dataset<Row> activities,
                                        int backlogDays) {
        Columns.require(actionList, "worklist", "office_id", "student_id", "counselor_id", "contact_id", "relationship",
                "rule", "due_on", "days_overdue");
        Columns.require(contacts, "worklist", "office_id", "contact_id", "organization");
        String reason = Columns.internal("reason");
        Dataset<Row> lastTouch = Activities.touches(activities).groupBy("office_id", "contact_id")
                .agg(max("occurred_on").as("last_touch_on"));
        Dataset<Row> grouped = actionList
                .withColumn(reason, concat(reasonInWords(col("rule")), lit(" (due "), col("due_on").cast("string"), lit(")")))
                .groupBy("office_id", "counselor_id", "student_id", "contact_id", "relationship")
                .agg(concat_ws("; ", sort_array(collect_list(col(reason)))).as("reasons"),
                        org.apache.spark.sql.functions.count(lit(1)).as("open_items"), min("due_on").as("due_on"), max("days_overdue").as("days_overdue"))
                .join(contacts.select("office_id", "contact_id", "organization"), Keys.CONTACT, "left")
                .join(lastTouch, Keys.CONTACT, "left");
        Column tag = when(length(col("contact_id")).gt(20), concat(lit("#"), substring(col("contact_id"), 1, 6)))
                .otherwise(col("contact_id"));
        return grouped
                .withColumn("contact", concat_ws(" ", coalesce(col("organization"), lit("(no organization)")), tag))
                .withColumn("backlog", col("days_overdue").gt(backlogDays))
                .withColumn("priority", row_number().over(Window.partitionBy("office_id", "backlog", "counselor_id")
                        .orderBy(col("days_overdue").desc(), col("student_id"), col("contact_id"))))
                .select("office_id", "priority", "counselor_id", "student_id", "contact", "organization", "relationship",
                        "last_touch_on", "reasons", "open_items", "due_on", "days_overdue", "backlog", "contact_id");
    }
}
