package io.careerlens.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.careerlens.warehouse.Columns;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * SPEC 2: an activity is an event that happened (not a no-show) on or before D. Adds {@code stage}
 * (0..3) and the effective {@code direction} (mutual by default for two-way types).
 */
public final class Activities {
    public static final String STAGE = "stage";

    private Activities() {
    }

    /** events that happened on or before D (no-shows and later events dropped), with stage and direction. */
    public static Dataset<Row> asOf(Dataset<Row> events, LocalDate asOf) {
        return withStageAndDirection(eventsAsOf(events, asOf).filter(happened()));
    }

    /** every event on or before D, no-shows included (for the no-show rate). */
    public static Dataset<Row> eventsAsOf(Dataset<Row> events, LocalDate asOf) {
        Columns.require(events, "events as of D", "office_id", "event_id", "student_id", "occurred_at", "occurred_on",
                "day_precision", "event_type", "contact_id", "direction", "role", "checked_in");
        return events.filter(col("occurred_on").leq(lit(asOf)));
    }

    static org.apache.spark.sql.Column happened() {
        return not(col("checked_in").eqNullSafe(lit(false)));
    }

    static Dataset<Row> withStageAndDirection(Dataset<Row> events) {
        return events
                .withColumn(STAGE, Stages.ofActivity(col("event_type"), col("role")))
                .withColumn("direction", when(col("direction").isNotNull(), col("direction"))
                        .when(col("event_type").isin("informational_interview", "mentoring_meeting", "coffee_chat",
                                "collaboration"), lit("mutual"))
                        .otherwise(lit("outbound")));
    }

    /** contacts added on or before D (archived ones included: callers decide). */
    public static Dataset<Row> contactsAsOf(Dataset<Row> contacts, LocalDate asOf) {
        Columns.require(contacts, "contacts as of D", "office_id", "contact_id", "student_id", "added_on", "status");
        return contacts.filter(col("added_on").leq(lit(asOf)));
    }

    /** the network: contacts added on or before D and not archived. */
    public static Dataset<Row> networkAsOf(Dataset<Row> contacts, LocalDate asOf) {
        return contactsAsOf(contacts, asOf).filter(not(col("status").eqNullSafe(lit("archived"))));
    }

    /** touches: activities that carry a contact_id, keyed by (office_id, contact_id). */
    public static Dataset<Row> touches(Dataset<Row> activities) {
        Columns.require(activities, "touches", "office_id", "contact_id", "event_id", "occurred_on", "direction");
        return activities.filter(col("contact_id").isNotNull());
    }

    /** the column of {@link #touchesByContact}'s list */
    public static final String TOUCH_LIST = Columns.internal("touches");

    /**
     * One row per touched contact ({@code office_id, contact_id}) with its touches as one list of
     * {@code (t_on, t_at, t_id, t_type, t_day)}: date, instant, event, type and day precision. The
     * follow-up rules all look up a contact's touches; gathering them once spares each rule a join
     * of its anchors to every touch and the aggregation back to one row per anchor. The list's
     * natural order (date, then instant, then event id) is the order "latest touch" means.
     */
    public static Dataset<Row> touchesByContact(Dataset<Row> activities) {
        Columns.require(activities, "touches by contact", "office_id", "contact_id", "event_id", "occurred_on",
                "occurred_at", "event_type", "day_precision");
        return touches(activities).groupBy("office_id", "contact_id")
                .agg(collect_list(struct(col("occurred_on").as("t_on"), col("occurred_at").as("t_at"),
                        col("event_id").as("t_id"), col("event_type").as("t_type"), col("day_precision").as("t_day")))
                        .as(TOUCH_LIST));
    }
}
