package io.careerlens.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.careerlens.warehouse.Columns;
import io.careerlens.warehouse.Keys;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per office and counselor, as of D: the students they follow, where those students stand, what
 * is left to follow up, and how each compliance rule fares — the caseload a director reviews with
 * each counselor.
 */
public final class Caseload {
    private static final List<String> RULES = List.of("thank_you_24h", "event_follow_up_72h", FollowUp.KEEP_WARM,
            FollowUp.NEXT_CONTACT);

    private Caseload() {
    }

    private static Column oneIf(Column c) {
        return when(c, 1).otherwise(0);
    }

    public static Dataset<Row> perCounselor(Dataset<Row> studentStages, Dataset<Row> worklist, Dataset<Row> items) {
        Columns.require(studentStages, "caseload", "office_id", "student_id", "counselor_id", "current_stage", "stalled",
                "inactive");
        Columns.require(worklist, "caseload", "office_id", "counselor_id", "backlog");
        Columns.require(items, "caseload", "office_id", "student_id", "rule", "status");
        List<Column> where = new java.util.ArrayList<>(StageProgression.atStage());
        where.addAll(StageProgression.toLookAt());
        Dataset<Row> students = studentStages.groupBy("office_id", "counselor_id")
                .agg(count(lit(1)).as("students"), where.toArray(Column[]::new));
        Dataset<Row> work = worklist.groupBy("office_id", "counselor_id").agg(
                sum(oneIf(col("backlog").equalTo(false))).as("to_follow_up"),
                sum(oneIf(col("backlog"))).as("backlog"));
        List<Column> rates = new java.util.ArrayList<>();
        for (String rule : RULES) {
            Column met = sum(oneIf(col("rule").equalTo(rule).and(col("status").equalTo("met"))));
            Column judged = sum(oneIf(col("rule").equalTo(rule).and(col("status").isin("met", "missed"))));
            rates.add(when(judged.gt(0), met.cast("double").divide(judged)).as("compliance_" + rule));
        }
        Dataset<Row> compliance = items.join(studentStages.select("office_id", "student_id", "counselor_id"), Keys.STUDENT)
                .groupBy("office_id", "counselor_id").agg(rates.get(0), rates.subList(1, rates.size()).toArray(Column[]::new));
        // students without a counselor form their own row: join on a key that is never null
        String counselor = Columns.internal("counselor");
        Column key = coalesce(col("counselor_id"), lit("\u0000"));
        scala.collection.immutable.Seq<String> on = Keys.of("office_id", counselor);
        return students.withColumn(counselor, key)
                .join(work.withColumn(counselor, key).drop("counselor_id"), on, "left")
                .join(compliance.withColumn(counselor, key).drop("counselor_id"), on, "left")
                .drop(counselor)
                .na().fill(0, new String[] {"to_follow_up", "backlog"});
    }
}
