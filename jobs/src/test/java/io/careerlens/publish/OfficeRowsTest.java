package io.careerlens.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.careerlens.ops.JobCounter;
import io.careerlens.report.Table;
import io.careerlens.testing.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A student-level table handed out office by office from one sorted pass. */
class OfficeRowsTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTestSession.get();
    }

    static Dataset<Row> table(Object[]... rows) {
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return spark.createDataFrame(list, new StructType().add("office_id", DataTypes.StringType)
                .add("student_id", DataTypes.StringType).add("network_size", DataTypes.LongType));
    }

    static List<String> students(Table t) {
        List<String> out = new ArrayList<>();
        t.rows().forEach(r -> out.add((String) r.get(1)));
        return out;
    }

    @Test
    void eachOfficeGetsItsOwnRowsInOrder() {
        Dataset<Row> t = table(new Object[] {"east", "S2", 1L}, new Object[] {"west", "S9", 4L},
                new Object[] {"east", "S1", 3L}, new Object[] {"north", "S5", 0L}, new Object[] {"west", "S3", 2L},
                new Object[] {"zeta", "S7", 1L});
        OfficeRows rows = new OfficeRows("student_network", t.orderBy("office_id", "student_id"));
        assertEquals(List.of("S1", "S2"), students(rows.take("east")));
        // "north" is never asked for: its rows are passed over; "south" has none
        assertEquals(List.of(), students(rows.take("south")));
        Table west = rows.take("west");
        assertEquals(List.of("S3", "S9"), students(west));
        assertEquals(List.of("office_id", "student_id", "network_size"),
                west.columns().stream().map(c -> c.name()).toList());
        assertEquals(2L, west.rows().iterator().next().get(2));
        assertThrows(IllegalStateException.class, () -> rows.take("east"), "offices are read in ascending order");
    }

    @Test
    void theSparkJobsDoNotGrowWithTheNumberOfOffices() {
        List<Object[]> few = new ArrayList<>();
        List<Object[]> many = new ArrayList<>();
        for (int o = 0; o < 12; o++) {
            for (int s = 0; s < 5; s++) {
                Object[] r = {String.format("o%02d", o), "S" + s, (long) s};
                many.add(r);
                if (o < 2) {
                    few.add(r);
                }
            }
        }
        assertEquals(jobsToRead(table(few.toArray(Object[][]::new)), 2), jobsToRead(table(many.toArray(Object[][]::new)), 12));
    }

    static long jobsToRead(Dataset<Row> t, int offices) {
        JobCounter jobs = JobCounter.on(spark.sparkContext());
        try {
            OfficeRows rows = new OfficeRows("student_network", t.orderBy("office_id", "student_id"));
            for (int o = 0; o < offices; o++) {
                assertEquals(5, students(rows.take(String.format("o%02d", o))).size());
            }
            return jobs.settled(spark.sparkContext());
        } finally {
            jobs.remove(spark.sparkContext());
        }
    }
}
