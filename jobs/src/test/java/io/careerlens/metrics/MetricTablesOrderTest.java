package io.careerlens.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.careerlens.report.MetricTable;
import io.careerlens.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Every metric table comes out in its registry order, however its rows were spread. */
class MetricTablesOrderTest {
    /** office_id, counselor_id, rule rows, written in scrambled order over four partitions. */
    private static Dataset<Row> scrambled(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (String office : List.of("south", "north")) {
            for (String counselor : List.of("K2", "K10", "K1")) {
                for (String rule : List.of("thank_you_24h", "keep_warm")) {
                    rows.add(RowFactory.create(office, counselor, rule));
                }
            }
        }
        StructType schema = new StructType().add("office_id", DataTypes.StringType)
                .add("counselor_id", DataTypes.StringType).add("rule", DataTypes.StringType);
        return spark.createDataFrame(rows, schema).repartition(4);
    }

    @Test
    void aRollupIsSortedInOnePartitionAndAStudentTableInParallel() {
        SparkSession spark = SparkTestSession.get();
        Dataset<Row> rollup = MetricTables.inOrder(MetricTable.COMPLIANCE_BY_COUNSELOR, scrambled(spark));
        List<String> expected = List.of(
                "north K1 keep_warm", "north K1 thank_you_24h", "north K10 keep_warm", "north K10 thank_you_24h",
                "north K2 keep_warm", "north K2 thank_you_24h",
                "south K1 keep_warm", "south K1 thank_you_24h", "south K10 keep_warm", "south K10 thank_you_24h",
                "south K2 keep_warm", "south K2 thank_you_24h");
        assertEquals(expected, rollup.collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2)).toList());
        assertEquals(1, rollup.rdd().getNumPartitions());
        String rollupPlan = rollup.queryExecution().executedPlan().toString();
        assertTrue(!rollupPlan.contains("rangepartitioning"), rollupPlan);

        // a student-level table (office_id, student_id) keeps a range-partitioned sort
        Dataset<Row> students = MetricTables.inOrder(MetricTable.STUDENT_NETWORK,
                scrambled(spark).withColumnRenamed("counselor_id", "student_id"));
        String studentPlan = students.queryExecution().executedPlan().toString();
        assertTrue(studentPlan.contains("rangepartitioning"), studentPlan);
        List<String> keys = students.collectAsList().stream().map(r -> r.getString(0) + " " + r.getString(1)).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
    }
}
