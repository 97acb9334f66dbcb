package io.careerlens.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.careerlens.testing.SparkTestSession;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The settings CareerLens chooses for Spark, and that a submitted value always wins over them. */
class SparkSessionsTest {

    @Test
    void smallMemoryPagesAndTheJvmCaseMappingUnlessTheSubmitterChoseOtherwise() {
        Map<String, String> local = SparkSessions.defaults(new SparkConf(false));
        assertEquals("2m", local.get("spark.buffer.pageSize"));
        assertEquals("false", local.get("spark.sql.icu.caseMappings.enabled"));
        assertFalse(local.containsKey("spark.sql.adaptive.coalescePartitions.parallelismFirst"),
                "locally every core keeps working");

        SparkConf submitted = new SparkConf(false).setMaster("spark://cluster:7077")
                .set("spark.buffer.pageSize", "16m").set("spark.sql.icu.caseMappings.enabled", "true");
        Map<String, String> cluster = SparkSessions.defaults(submitted);
        assertFalse(cluster.containsKey("spark.buffer.pageSize"), "the submitted page size stands");
        assertFalse(cluster.containsKey("spark.sql.icu.caseMappings.enabled"));
        assertEquals("false", cluster.get("spark.sql.adaptive.coalescePartitions.parallelismFirst"));
        assertEquals(LocalFileSystemWithoutForks.class.getName(), cluster.get("spark.hadoop.fs.file.impl"));
    }

    @Test
    void theSessionRunsWithThem() {
        SparkSession spark = SparkTestSession.get();
        assertEquals("2m", spark.sparkContext().getConf().get("spark.buffer.pageSize"));
        assertEquals(2L << 20, spark.sparkContext().env().memoryManager().pageSizeBytes());
        assertEquals("false", spark.conf().get("spark.sql.icu.caseMappings.enabled"));
    }
}
