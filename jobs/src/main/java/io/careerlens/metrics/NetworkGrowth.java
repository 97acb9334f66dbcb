package io.careerlens.metrics;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;

import io.careerlens.warehouse.Keys;
import io.careerlens.config.Rules;
import io.careerlens.warehouse.Columns;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** SPEC 2.1: how students' networks grow. */
public final class NetworkGrowth {
    private NetworkGrowth() {
    }

    private static Column oneIf(Column condition) {
        return when(condition, 1).otherwise(0);
    }

    private static Column ratio(Column numerator, Column denominator) {
        return when(denominator.gt(0), numerator.cast("double").divide(denominator));
    }

    /** Per student (every student of students.csv): network figures as of D. */
    public static Dataset<Row> perStudent(MetricInputs in) {
        LocalDate d = in.asOf();
        Rules r = in.rules();
        Dataset<Row> touchFlags = Activities.touches(in.activities())
                .groupBy("office_id", "contact_id")
                .agg(max(oneIf(SqlDates.within(col("occurred_on"), d, r.activeWindowDays))).as("recent"),
                        max(oneIf(col("direction").isin("inbound", "mutual"))).as("two_way"));
        Dataset<Row> network = in.network().join(touchFlags, Keys.CONTACT, "left")
                .groupBy("office_id", "student_id")
                .agg(count(lit(1)).as("network_size"),
                        sum(coalesce(col("recent"), lit(0))).as("active_contacts"),
                        sum(coalesce(col("two_way"), lit(0))).as("reciprocal_contacts"),
                        sum(oneIf(col("likes").eqNullSafe(true).and(col("can_help").eqNullSafe(true)))).as("priority_contacts"),
                        sum(oneIf(col("relationship").equalTo("mentor"))).as("mentors"),
                        sum(oneIf(col("source").eqNullSafe("referral").or(col("referred_by").isNotNull()))).as("referral_contacts"),
                        countDistinct(lower(trim(col("organization")))).as("distinct_organizations"),
                        ratio(sum(oneIf(col("inside_institution").eqNullSafe(true))),
                                sum(oneIf(col("inside_institution").isNotNull()))).as("inside_share"));
        Dataset<Row> added = in.contactsAdded()
                .filter(SqlDates.within(col("added_on"), d, r.contactsAddedWindowDays))
                .groupBy("office_id", "student_id").agg(count(lit(1)).as("contacts_added_30d"));
        int weeks = r.weeklyConsistencyWeeks;
        String week = Columns.internal("week");
        Dataset<Row> weekly = in.activities()
                .filter(SqlDates.within(col("occurred_on"), d, 7 * weeks))
                .withColumn(week, floor(datediff(lit(d), col("occurred_on")).divide(7)))
                .groupBy("office_id", "student_id")
                .agg(countDistinct(week).divide(weeks).as("weekly_consistency"));
        Dataset<Row> outreach = studentOutreachAndNoShows(in);
        return in.studentsWithCohort().select("office_id", "student_id", "cohort", "program")
                .join(network, Keys.STUDENT, "left")
                .join(added, Keys.STUDENT, "left")
                .join(weekly, Keys.STUDENT, "left")
                .join(overcommitted(in), Keys.STUDENT, "left")
                .join(outreach, Keys.STUDENT, "left")
                .na().fill(0, new String[] {"network_size", "active_contacts", "reciprocal_contacts", "priority_contacts",
                    "mentors", "referral_contacts", "distinct_organizations", "contacts_added_30d"})
                .na().fill(0.0, new String[] {"weekly_consistency"})
                .withColumn("overcommitted", coalesce(col("overcommitted"), lit(false)))
                .select("office_id", "student_id", "cohort", "program", "network_size", "contacts_added_30d",
                        "active_contacts", "reciprocal_contacts", "priority_contacts", "mentors", "referral_contacts",
                        "distinct_organizations", "inside_share", "weekly_consistency", "overcommitted",
                        "outreach_conversion", "no_show_rate");
    }

    /**
     * More than N contacts added within some 30-day window whose last day falls in the 90 days
     * ending at D. The count of a window only grows on a day a contact is added, so the windows
     * ending on those days (and the first window of the look-back) are the only ones to check.
     */
    static Dataset<Row> overcommitted(MetricInputs in) {
        Rules r = in.rules();
        LocalDate d = in.asOf();
        LocalDate first = d.minusDays(r.overcommitLookbackDays - 1L);
        String day = Columns.internal("day");
        String inWindow = Columns.internal("in_window");
        String most = Columns.internal("most");
        Dataset<Row> added = in.contactsAdded().select(col("office_id"), col("student_id"), col("added_on"),
                datediff(col("added_on"), lit(LocalDate.EPOCH)).as(day));
        Dataset<Row> endingOnAdds = added
                .withColumn(inWindow, count(lit(1)).over(Window.partitionBy("office_id", "student_id").orderBy(day)
                        .rangeBetween(-(r.overcommitWindowDays - 1L), 0)))
                .filter(col("added_on").between(lit(first), lit(d)))
                .groupBy("office_id", "student_id").agg(max(inWindow).as(most));
        Dataset<Row> firstWindow = added.filter(SqlDates.within(col("added_on"), first, r.overcommitWindowDays))
                .groupBy("office_id", "student_id").agg(count(lit(1)).as(most));
        return endingOnAdds.unionByName(firstWindow).groupBy("office_id", "student_id")
                .agg(max(most).gt(r.overcommitMaxContacts).as("overcommitted"));
    }

    /** outreach_conversion and no_show_rate of each student. */
    static Dataset<Row> studentOutreachAndNoShows(MetricInputs in) {
        return outreachAndNoShows(in, "office_id", "student_id");
    }

    /**
     * outreach_conversion: outreach activities with outcome accepted over those with any outcome;
     * no_show_rate: registered events not checked in over registered events (both as of D).
     */
    static Dataset<Row> outreachAndNoShows(MetricInputs in, String... by) {
        Dataset<Row> events = Activities.eventsAsOf(in.events(), in.asOf());
        Column outreach = col("event_type").equalTo("outreach").and(Activities.happened());
        return events.groupBy(Keys.cols(by)).agg(
                ratio(sum(oneIf(outreach.and(col("outcome").eqNullSafe("accepted")))),
                        sum(oneIf(outreach.and(col("outcome").isNotNull())))).as("outreach_conversion"),
                ratio(sum(oneIf(col("registered").eqNullSafe(true).and(col("checked_in").eqNullSafe(false)))),
                        sum(oneIf(col("registered").eqNullSafe(true)))).as("no_show_rate"));
    }

    /**
     * Per office and month, from the month of the office's first contact through D's month:
     * contacts added, network size at the month's end (D for D's month), contacts touched in the 90
     * days ending then, and growth over the previous month's network.
     */
    public static Dataset<Row> perOfficeMonth(MetricInputs in) {
        LocalDate d = in.asOf();
        Dataset<Row> contacts = in.contactsAdded().withColumn("month", trunc(col("added_on"), "month"));
        Dataset<Row> months = contacts.groupBy("office_id").agg(min("month").as("first"))
                .select(col("office_id"), explode(sequence(col("first"), trunc(lit(d), "month"), expr("interval 1 month")))
                        .as("month"));
        String kept = Columns.internal("kept");
        String previous = Columns.internal("previous");
        Dataset<Row> byMonth = contacts.groupBy("office_id", "month").agg(count(lit(1)).as("contacts_added"),
                sum(oneIf(not(col("status").eqNullSafe("archived")))).as(kept));
        var w = Window.partitionBy("office_id").orderBy("month");
        return months.join(byMonth, List.of("office_id", "month").stream().collect(Keys.seq()), "left")
                .na().fill(0, new String[] {"contacts_added", kept})
                .withColumn("network_size", sum(kept).over(w.rowsBetween(Window.unboundedPreceding(), 0)))
                .withColumn(previous, lag("network_size", 1).over(w))
                .withColumn("growth_rate", ratio(col("contacts_added"), col(previous)))
                .join(activeByMonth(in), List.of("office_id", "month").stream().collect(Keys.seq()), "left")
                .withColumn("active_contacts", coalesce(col("active_contacts"), lit(0L)))
                .select("office_id", "month", "contacts_added", "network_size", "active_contacts", "growth_rate");
    }

    /** network contacts touched in the 90 days ending at each month's end (D for D's month). */
    static Dataset<Row> activeByMonth(MetricInputs in) {
        LocalDate d = in.asOf();
        int days = in.rules().activeWindowDays;
        Dataset<Row> touched = Activities.touches(in.activities()).select("office_id", "contact_id", "occurred_on").distinct()
                .join(in.network().select("office_id", "contact_id", "added_on"), Keys.CONTACT);
        Column monthEnd = least(last_day(col("month")), lit(d));
        String end = Columns.internal("end");
        return touched
                .withColumn("month", explode(sequence(trunc(col("occurred_on"), "month"),
                        trunc(add_months(col("occurred_on"), (days + 30) / 30), "month"), expr("interval 1 month"))))
                .withColumn(end, monthEnd)
                .filter(col("month").leq(lit(d)).and(col("occurred_on").leq(col(end)))
                        .and(SqlDates.within(col("occurred_on"), col(end), days))
                        .and(col("added_on").leq(col(end))))
                .groupBy("office_id", "month").agg(countDistinct("contact_id").as("active_contacts"));
    }

    /**
     * Per office and event type: contacts whose source event is of that type, per attended event of
     * that type; cards given and collected per attended event (over events that record them); the
     * students who attended (the population small-cell suppression judges the row by).
     */
    public static Dataset<Row> eventYield(MetricInputs in) {
        Dataset<Row> activities = in.activities();
        Dataset<Row> sourced = in.contactsAdded().filter(col("source_event_id").isNotNull())
                .join(Activities.eventsAsOf(in.events(), in.asOf()).select(col("office_id"),
                        col("event_id").as("source_event_id"), col("event_type")), List.of("office_id", "source_event_id")
                        .stream().collect(Keys.seq()))
                .groupBy("office_id", "event_type").agg(count(lit(1)).as("contacts_sourced"));
        Dataset<Row> attended = activities
                .groupBy("office_id", "event_type")
                .agg(count(lit(1)).as("events_attended"), countDistinct("student_id").as("students"),
                        avg("cards_given").as("cards_given_per_event"),
                        avg("cards_collected").as("cards_collected_per_event"));
        return attended.join(sourced, List.of("office_id", "event_type").stream().collect(Keys.seq()), "left")
                .withColumn("contacts_sourced", coalesce(col("contacts_sourced"), lit(0L)))
                .withColumn("contacts_per_event", ratio(col("contacts_sourced"), col("events_attended")))
                .select("office_id", "event_type", "students", "events_attended", "contacts_sourced", "contacts_per_event",
                        "cards_given_per_event", "cards_collected_per_event");
    }

    /** Per office: headline network figures over its students, for the reports. */
    public static Dataset<Row> perOffice(MetricInputs in, Dataset<Row> perStudent) {
        Columns.require(perStudent, "office network summary", "office_id", "network_size", "contacts_added_30d",
                "weekly_consistency", "overcommitted", "reciprocal_contacts");
        return perStudent.groupBy("office_id").agg(
                        count(lit(1)).as("students"),
                        expr("percentile(network_size, 0.5)").as("median_network_size"),
                        sum("network_size").as("network_size"),
                        sum("contacts_added_30d").as("contacts_added_30d"),
                        sum("reciprocal_contacts").as("reciprocal_contacts"),
                        avg("weekly_consistency").as("mean_weekly_consistency"),
                        sum(oneIf(col("overcommitted"))).as("overcommitted_students"))
                .join(outreachAndNoShows(in, "office_id"), Keys.OFFICE, "left");
    }
}
