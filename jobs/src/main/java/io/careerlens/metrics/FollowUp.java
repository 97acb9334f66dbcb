package io.careerlens.metrics;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_min;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.from_utc_timestamp;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_utc_timestamp;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import io.careerlens.warehouse.Keys;
import io.careerlens.config.Rules;
import io.careerlens.warehouse.Columns;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * SPEC 2.3: follow-up items of the four rules, each {@code met | missed | pending | unevaluable},
 * with the spec's item columns.
 */
public final class FollowUp {
    public static final String THANK_YOU = "thank_you_24h";
    public static final String EVENT_FOLLOW_UP = "event_follow_up_72h";
    public static final String KEEP_WARM = "keep_warm";
    public static final String NEXT_CONTACT = "next_contact";
    static final String[] ITEM_COLUMNS = {"office_id", "rule", "student_id", "contact_id", "anchor_event_id", "due_on",
        "status", "resolved_by_event_id", "days_overdue", "due_soon", "catch_up_priority"};

    private FollowUp() {
    }

    /**
     * All items as of D (keep_warm evaluated at D), from each contact's touches gathered once
     * ({@link Activities#touchesByContact} of the activities as of D).
     */
    public static Dataset<Row> items(MetricInputs in, Dataset<Row> touchLists) {
        Columns.require(touchLists, "follow-up items", "office_id", "contact_id", Activities.TOUCH_LIST);
        return thankYou(in, touchLists).unionByName(eventFollowUp(in, touchLists))
                .unionByName(keepWarmAt(in, lit(in.asOf()), null, touchLists)).unionByName(nextContact(in, touchLists));
    }

    /** the end of local day D in each office's zone, as an instant. */
    private static Column endOfDay(LocalDate d) {
        return to_utc_timestamp(lit(d.plusDays(1)).cast("timestamp"), col("timezone"));
    }

    /**
     * Window rules: an anchor at (a_at, a_on, a_day) and the contact's touches of the answering
     * types. A touch answers when it comes after the anchor and at most H hours later; when either
     * side only has a date, when it falls on the anchor's date or up to ceil(H/24) dates later. The
     * first answer (by instant, then event id) resolves the item.
     */
    private static Dataset<Row> windowItems(MetricInputs in, Dataset<Row> anchors, Dataset<Row> touchLists, int hours,
                                            String rule, String... answerTypes) {
        LocalDate d = in.asOf();
        int days = (hours + 23) / 24;
        Column windowEnd = col("a_at").plus(expr("make_dt_interval(0, " + hours + ")"));
        Column answers = filter(col(Activities.TOUCH_LIST), t -> t.getField("t_type").isin((Object[]) answerTypes)
                .and(when(col("a_day").or(t.getField("t_day")),
                        t.getField("t_on").between(col("a_on"), date_add(col("a_on"), days)))
                        .otherwise(t.getField("t_at").gt(col("a_at")).and(t.getField("t_at").leq(windowEnd)))));
        Column firstAnswer = array_min(transform(answers, t -> struct(t.getField("t_at").as("t_at"),
                t.getField("t_id").as("t_id")))).getField("t_id");
        Column dueOn = when(col("a_day"), date_add(col("a_on"), days))
                .otherwise(to_date(from_utc_timestamp(windowEnd, col("timezone"))));
        Column open = when(col("a_day"), date_add(col("a_on"), days).gt(lit(d))).otherwise(windowEnd.gt(endOfDay(d)));
        Column status = when(col("contact_id").isNull().or(col("a_at").isNull()), lit("unevaluable"))
                .when(col("resolved_by_event_id").isNotNull(), lit("met"))
                .when(open, lit("pending")).otherwise(lit("missed"));
        return anchors.join(touchLists, Keys.CONTACT, "left")
                .join(in.offices(), Keys.OFFICE, "left")
                .withColumn("resolved_by_event_id", firstAnswer)
                .withColumn("rule", lit(rule))
                .withColumn("due_on", when(col("a_at").isNotNull(), dueOn))
                .withColumn("status", status)
                .withColumn("resolved_by_event_id", when(col("status").equalTo("met"), col("resolved_by_event_id")))
                .withColumn("days_overdue", when(col("status").equalTo("missed"), datediff(lit(d), col("due_on"))))
                .withColumn("due_soon", lit(null).cast("boolean"))
                .withColumn("catch_up_priority", lit(null).cast("double"))
                .select(itemColumns(false));
    }

    /** Rule 1: every informational interview wants a thank-you or follow-up to the same contact within 24 hours. */
    static Dataset<Row> thankYou(MetricInputs in, Dataset<Row> touchLists) {
        Dataset<Row> interviews = in.activities().filter(col("event_type").equalTo("informational_interview"))
                .select(col("office_id"), col("student_id"), col("contact_id"), col("event_id").as("anchor_event_id"),
                        col("occurred_at").as("a_at"), col("occurred_on").as("a_on"), col("day_precision").as("a_day"));
        return windowItems(in, interviews, touchLists, in.rules().thankYouWindowHours, THANK_YOU, "thank_you", "follow_up");
    }

    /**
     * Rule 2: every contact added on or before D whose source event is a career fair or mixer on or
     * before D wants a thank-you, follow-up or LinkedIn connection within 72 hours of the event. A
     * source event not known as of D makes the item unevaluable. One item per contact (several
     * contacts share an event).
     */
    static Dataset<Row> eventFollowUp(MetricInputs in, Dataset<Row> touchLists) {
        Dataset<Row> sourceEvents = Activities.eventsAsOf(in.events(), in.asOf())
                .select(col("office_id"), col("event_id").as("anchor_event_id"), col("event_type").as("source_type"),
                        col("occurred_at").as("a_at"), col("occurred_on").as("a_on"), col("day_precision").as("a_day"));
        Dataset<Row> anchors = in.contactsAdded().filter(col("source_event_id").isNotNull())
                .select(col("office_id"), col("student_id"), col("contact_id"), col("source_event_id").as("anchor_event_id"))
                .join(sourceEvents, Keys.of("office_id", "anchor_event_id"), "left")
                .filter(col("source_type").isNull().or(col("source_type").isin("career_fair", "mixer")))
                .drop("source_type");
        return windowItems(in, anchors, touchLists, in.rules().eventFollowUpWindowHours, EVENT_FOLLOW_UP,
                "thank_you", "follow_up", "linkedin_connect");
    }

    /**
     * Rule 3 evaluated at {@code evalOn} (a date column: D, or a month's end): every active contact
     * added by then; last touch = the latest touch up to then, or added_on; met while evalOn is not
     * after last touch + cadence. {@code month}, when given, is kept for the monthly snapshots.
     * Each contact's touches are gathered into one list and joined to the contact once; every
     * evaluation date then picks its last touch from that list (the latest by date, time and id).
     * Joining a contact to its touches once per month multiplied the rows by the months.
     */
    static Dataset<Row> keepWarmAt(MetricInputs in, Column evalOn, Dataset<Row> months, Dataset<Row> touchLists) {
        Rules r = in.rules();
        String lastTouch = Columns.internal("last_touch");
        String evalDate = Columns.internal("eval_on");
        String cadenceDays = Columns.internal("cadence");
        String last = Columns.internal("last");
        Dataset<Row> network = in.network().join(touchLists, Keys.CONTACT, "left");
        Dataset<Row> contacts = (months == null ? network : network.join(months, Keys.OFFICE))
                .withColumn(evalDate, evalOn)
                .filter(col("added_on").leq(col(evalDate)))
                .withColumn(lastTouch, array_max(filter(col(Activities.TOUCH_LIST), t -> t.getField("t_on").leq(col(evalDate)))));
        Column cadence = coalesce(col("cadence_days"),
                when(col("relationship").equalTo("mentor"), lit(r.cadenceMentorDays))
                        .when(col("likes").eqNullSafe(true).and(col("can_help").eqNullSafe(true)), lit(r.cadencePriorityDays))
                        .otherwise(lit(r.cadenceDefaultDays)));
        Column elapsed = datediff(col(evalDate), col(last));
        return contacts
                .withColumn(cadenceDays, cadence)
                .withColumn(last, coalesce(col(lastTouch).getField("t_on"), col("added_on")))
                .withColumn("due_on", date_add(col(last), col(cadenceDays)))
                .withColumn("status", when(col(evalDate).leq(col("due_on")), lit("met")).otherwise(lit("missed")))
                .withColumn("rule", lit(KEEP_WARM))
                .withColumn("anchor_event_id", lit(null).cast("string"))
                .withColumn("resolved_by_event_id", when(col("status").equalTo("met"), col(lastTouch).getField("t_id")))
                .withColumn("days_overdue", when(col("status").equalTo("missed"), datediff(col(evalDate), col("due_on"))))
                .withColumn("due_soon", col("status").equalTo("met").and(elapsed.geq(col(cadenceDays).multiply(r.dueSoonShare))))
                .withColumn("catch_up_priority", greatest(elapsed.minus(col(cadenceDays)), lit(0)).divide(col(cadenceDays)))
                .select(itemColumns(months != null));
    }

    /** the spec's item columns, and the snapshot month when asked. */
    static Column[] itemColumns(boolean withMonth) {
        Column[] cols = new Column[ITEM_COLUMNS.length + (withMonth ? 1 : 0)];
        for (int i = 0; i < ITEM_COLUMNS.length; i++) {
            cols[i] = col(ITEM_COLUMNS[i]);
        }
        if (withMonth) {
            cols[ITEM_COLUMNS.length] = col("month");
        }
        return cols;
    }

    /**
     * Rule 4: every active contact whose next_contact_on is on or before D wants a touch from 7 days
     * before it; the earliest such touch resolves it.
     */
    static Dataset<Row> nextContact(MetricInputs in, Dataset<Row> touchLists) {
        Rules r = in.rules();
        LocalDate d = in.asOf();
        Column inWindow = filter(col(Activities.TOUCH_LIST),
                t -> t.getField("t_on").between(date_sub(col("next_contact_on"), r.nextContactLeadDays), lit(d)));
        return in.network().filter(col("next_contact_on").leq(lit(d)))
                .join(touchLists, Keys.CONTACT, "left")
                .withColumn("resolved_by_event_id", array_min(inWindow).getField("t_id"))
                .withColumn("rule", lit(NEXT_CONTACT))
                .withColumn("anchor_event_id", lit(null).cast("string"))
                .withColumn("due_on", col("next_contact_on"))
                .withColumn("status", when(col("resolved_by_event_id").isNotNull(), lit("met"))
                        .when(datediff(lit(d), col("next_contact_on")).lt(r.nextContactGraceDays), lit("pending"))
                        .otherwise(lit("missed")))
                .withColumn("days_overdue", when(col("status").equalTo("missed"), datediff(lit(d), col("due_on"))))
                .withColumn("due_soon", lit(null).cast("boolean"))
                .withColumn("catch_up_priority", lit(null).cast("double"))
                .select(itemColumns(false));
    }

    /**
     * Keep-warm snapshots at each month's end (D for D's month) for the 12 months ending with D's
     * month, one row per contact and month.
     */
    public static Dataset<Row> keepWarmSnapshots(MetricInputs in, Dataset<Row> touchLists) {
        LocalDate d = in.asOf();
        LocalDate firstMonth = d.withDayOfMonth(1).minusMonths(in.rules().keepWarmSnapshotMonths - 1L);
        Dataset<Row> months = in.offices().select(col("office_id"),
                explode(sequence(lit(firstMonth), lit(d.withDayOfMonth(1)), expr("interval 1 month"))).as("month"));
        return keepWarmAt(in, least(last_day(col("month")), lit(d)), months, touchLists);
    }
}
