package io.careerlens.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
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

/**
 * SPEC 2.2: progression through Exposure, Immersion and Connection, sequential and never going
 * back. Each condition only ever becomes true, so a stage's entry date is the latest of the dates
 * on which each of its conditions first held.
 */
public final class StageProgression {
    private StageProgression() {
    }

    /** Per student: entry dates, current stage, days to each stage, days in stage, stalled, inactive. */
    public static Dataset<Row> perStudent(MetricInputs in) {
        Rules r = in.rules();
        LocalDate d = in.asOf();
        Dataset<Row> acts = in.activities();
        Dataset<Row> exposure = acts.filter(col(Activities.STAGE).geq(Stages.EXPOSURE))
                .groupBy("office_id", "student_id").agg(min("occurred_on").as("exposure_on"));
        Dataset<Row> lastActivity = acts.groupBy("office_id", "student_id").agg(max("occurred_on").as("last_activity_on"));
        // Connection needs N Connection-stage activities: the date of the N-th one
        Dataset<Row> connectionActivityReady = nth(acts.filter(col(Activities.STAGE).equalTo(Stages.CONNECTION))
                .select("office_id", "student_id", "occurred_on"), "occurred_on", r.connectionMinActivities,
                "connection_activity_ready_on");
        Dataset<Row> stages = in.studentsWithCohort()
                .join(exposure, Keys.STUDENT, "left")
                .join(immersionCandidates(acts, r), Keys.STUDENT, "left")
                .join(connectionActivityReady, Keys.STUDENT, "left")
                .join(reciprocalReady(in), Keys.STUDENT, "left")
                .join(lastActivity, Keys.STUDENT, "left")
                // greatest() skips nulls: every condition must have held
                .withColumn("immersion_on", when(col("exposure_on").isNotNull().and(col("immersion_candidate_on").isNotNull()),
                        greatest(col("immersion_candidate_on"), col("exposure_on"))))
                .withColumn("connection_on", when(col("immersion_on").isNotNull()
                                .and(col("connection_activity_ready_on").isNotNull())
                                .and(col("reciprocal_ready_on").isNotNull()),
                        greatest(col("immersion_on"), col("connection_activity_ready_on"), col("reciprocal_ready_on"))));
        Column current = when(col("connection_on").isNotNull(), lit("connection"))
                .when(col("immersion_on").isNotNull(), lit("immersion"))
                .when(col("exposure_on").isNotNull(), lit("exposure")).otherwise(lit("none"));
        Column entered = coalesce(col("connection_on"), col("immersion_on"), col("exposure_on"));
        return stages
                .withColumn("current_stage", current)
                .withColumn("days_to_exposure", datediff(col("exposure_on"), col("program_start")))
                .withColumn("days_to_immersion", datediff(col("immersion_on"), col("program_start")))
                .withColumn("days_to_connection", datediff(col("connection_on"), col("program_start")))
                .withColumn("days_in_stage", datediff(lit(d), entered))
                .withColumn("stalled", col("current_stage").isin("exposure", "immersion")
                        .and(col("days_in_stage").gt(r.stalledAfterDays)))
                .withColumn("inactive", coalesce(col("last_activity_on").lt(SqlDates.windowStart(d, r.inactiveAfterDays)),
                        lit(true)))
                .select("office_id", "student_id", "cohort", "program", "counselor_id", "program_start", "current_stage",
                        "exposure_on", "immersion_on", "connection_on", "days_to_exposure", "days_to_immersion",
                        "days_to_connection", "days_in_stage", "stalled", "inactive");
    }

    /**
     * The first date d with involvement (an Immersion-type activity, or any with role volunteer or
     * organizer) on at least N distinct dates within the M days ending at d. The count only rises
     * on an involvement date, so only those dates are candidates.
     */
    static Dataset<Row> immersionCandidates(Dataset<Row> activities, Rules r) {
        Columns.require(activities, "immersion", "office_id", "student_id", "occurred_on", "event_type", "role");
        Column involvement = Stages.ofType(col("event_type")).equalTo(Stages.IMMERSION)
                .or(col("role").isin("volunteer", "organizer"));
        String day = Columns.internal("day");
        String datesInWindow = Columns.internal("dates_in_window");
        return activities.filter(involvement)
                .select(col("office_id"), col("student_id"), col("occurred_on"),
                        datediff(col("occurred_on"), lit(LocalDate.EPOCH)).as(day))
                .distinct()
                .withColumn(datesInWindow, count(lit(1)).over(Window.partitionBy("office_id", "student_id")
                        .orderBy(day).rangeBetween(-(r.immersionWindowDays - 1L), 0)))
                .filter(col(datesInWindow).geq(r.immersionMinDates))
                .groupBy("office_id", "student_id").agg(min("occurred_on").as("immersion_candidate_on"));
    }

    /**
     * The date the student's N-th reciprocal contact exists: a non-archived contact counts from the
     * later of its added_on and its first inbound or mutual touch.
     */
    static Dataset<Row> reciprocalReady(MetricInputs in) {
        Dataset<Row> firstTwoWay = Activities.touches(in.activities()).filter(col("direction").isin("inbound", "mutual"))
                .groupBy("office_id", "contact_id").agg(min("occurred_on").as("first_two_way_on"));
        Dataset<Row> reciprocal = in.network().join(firstTwoWay, Keys.CONTACT)
                .select(col("office_id"), col("student_id"), greatest(col("added_on"), col("first_two_way_on")).as("since"));
        return nth(reciprocal, "since", in.rules().connectionMinReciprocalContacts, "reciprocal_ready_on");
    }

    /** per student, the N-th smallest value of a date column (absent when there are fewer than N). */
    static Dataset<Row> nth(Dataset<Row> rows, String dateColumn, int n, String as) {
        return rows.withColumn(Columns.internal("n"), row_number().over(Window.partitionBy("office_id", "student_id").orderBy(dateColumn)))
                .filter(col(Columns.internal("n")).equalTo(n))
                .select(col("office_id"), col("student_id"), col(dateColumn).as(as));
    }

    private static Column oneIf(Column c) {
        return when(c, 1).otherwise(0);
    }

    /** Per office x cohort x program: the funnel and exact median days from program start to each stage. */
    public static Dataset<Row> funnel(Dataset<Row> studentStages) {
        Columns.require(studentStages, "stage funnel", "office_id", "cohort", "program", "current_stage", "exposure_on",
                "immersion_on", "connection_on", "days_to_exposure", "days_to_immersion", "days_to_connection");
        List<Column> aggs = new java.util.ArrayList<>(stageCounts());
        // percentile() is exact and averages the two middle values of an even count
        aggs.add(expr("percentile(days_to_exposure, 0.5)").as("median_days_to_exposure"));
        aggs.add(expr("percentile(days_to_immersion, 0.5)").as("median_days_to_immersion"));
        aggs.add(expr("percentile(days_to_connection, 0.5)").as("median_days_to_connection"));
        return studentStages.groupBy("office_id", "cohort", "program")
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    }

    /** students, how many ever reached each stage and how many are at each stage now: the funnel of a group. */
    private static List<Column> stageCounts() {
        List<Column> c = new java.util.ArrayList<>(List.of(
                count(lit(1)).as("students"),
                count("exposure_on").as("reached_exposure"),
                count("immersion_on").as("reached_immersion"),
                count("connection_on").as("reached_connection")));
        c.addAll(atStage());
        return c;
    }

    /** how many students of a group are at each stage now (from {@code current_stage}). */
    static List<Column> atStage() {
        return List.of(
                sum(oneIf(col("current_stage").equalTo("none"))).as("at_none"),
                sum(oneIf(col("current_stage").equalTo("exposure"))).as("at_exposure"),
                sum(oneIf(col("current_stage").equalTo("immersion"))).as("at_immersion"),
                sum(oneIf(col("current_stage").equalTo("connection"))).as("at_connection"));
    }

    /** how many students of a group are stalled and inactive as of D. */
    static List<Column> toLookAt() {
        return List.of(sum(oneIf(col("stalled"))).as("stalled"), sum(oneIf(col("inactive"))).as("inactive"));
    }

    /**
     * Per office x department (an optional column of students.csv: null where the export gave
     * none): the funnel, and the stalled and inactive students, as of D.
     */
    public static Dataset<Row> byDepartment(Dataset<Row> studentStages, Dataset<Row> students) {
        Columns.require(studentStages, "stage funnel by department", "office_id", "student_id", "current_stage",
                "exposure_on", "immersion_on", "connection_on", "stalled", "inactive");
        Columns.require(students, "stage funnel by department", "office_id", "student_id", "department");
        List<Column> aggs = new java.util.ArrayList<>(stageCounts());
        aggs.addAll(toLookAt());
        return studentStages.join(students.select("office_id", "student_id", "department"), Keys.STUDENT, "left")
                .groupBy("office_id", "department").agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    }

    /** Per office x cohort x program x month: the students who entered each stage in that month. */
    public static Dataset<Row> monthlyEntries(Dataset<Row> studentStages) {
        Columns.require(studentStages, "monthly stage entries", "office_id", "cohort", "program", "exposure_on",
                "immersion_on", "connection_on");
        Dataset<Row> entries = studentStages.selectExpr("office_id", "cohort", "program",
                        "stack(3, 'exposure', exposure_on, 'immersion', immersion_on, 'connection', connection_on) as (stage, entered_on)")
                .filter(col("entered_on").isNotNull())
                .withColumn("month", trunc(col("entered_on"), "month"));
        return entries.groupBy("office_id", "cohort", "program", "month").agg(
                        sum(oneIf(col("stage").equalTo("exposure"))).as("entered_exposure"),
                        sum(oneIf(col("stage").equalTo("immersion"))).as("entered_immersion"),
                        sum(oneIf(col("stage").equalTo("connection"))).as("entered_connection"));
    }

    /** Stage-bearing activities by year in program (whole years from program_start, plus 1) and stage. */
    public static Dataset<Row> activitiesByYear(MetricInputs in) {
        return in.activities().filter(col(Activities.STAGE).geq(Stages.EXPOSURE))
                .join(in.students().select("office_id", "student_id", "program_start"), Keys.STUDENT)
                .withColumn("year_in_program",
                        floor(months_between(col("occurred_on"), col("program_start")).divide(12)).plus(1).cast("int"))
                .withColumn("stage", Stages.nameOf(col(Activities.STAGE)))
                .groupBy("office_id", "year_in_program", "stage")
                .agg(count(lit(1)).as("activities"), countDistinct("student_id").as("students"));
    }

    /**
     * Per office: the students a director should look at, as of D. {@code interviews_without_immersion}
     * is SPEC 2.2's nudge: students still in Exposure although they have had informational
     * interviews (Connection waits for Immersion).
     */
    public static Dataset<Row> nudges(MetricInputs in, Dataset<Row> studentStages, Dataset<Row> studentNetworks) {
        Columns.require(studentStages, "nudges", "office_id", "student_id", "current_stage", "stalled", "inactive");
        Columns.require(studentNetworks, "nudges", "office_id", "student_id", "overcommitted");
        String interviewed = Columns.internal("interviewed");
        Dataset<Row> interviews = in.activities().filter(col("event_type").equalTo("informational_interview"))
                .select("office_id", "student_id").distinct().withColumn(interviewed, lit(true));
        return studentStages.select("office_id", "student_id", "current_stage", "stalled", "inactive")
                .join(studentNetworks.select("office_id", "student_id", "overcommitted"), Keys.STUDENT, "left")
                .join(interviews, Keys.STUDENT, "left")
                .groupBy("office_id").agg(
                        count(lit(1)).as("students"),
                        sum(oneIf(col("stalled"))).as("stalled"),
                        sum(oneIf(col("inactive"))).as("inactive"),
                        sum(oneIf(coalesce(col("overcommitted"), lit(false)))).as("overcommitted"),
                        sum(oneIf(col("current_stage").equalTo("exposure").and(col(interviewed).isNotNull())))
                                .as("interviews_without_immersion"));
    }
}
