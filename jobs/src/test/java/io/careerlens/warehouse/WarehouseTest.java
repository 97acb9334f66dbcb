package io.careerlens.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.careerlens.testing.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest {
    private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType);

    @TempDir
    Path tmp;

    private Dataset<Row> rows(SparkSession spark, String... ids) {
        return spark.createDataFrame(java.util.Arrays.stream(ids).map(i -> (Row) RowFactory.create(i)).toList(), SCHEMA);
    }

    /**
     * The ingest caches its classification of a batch, built on the versions table, and then appends
     * the batch to that table. A plan over the table's latest version is dropped from the cache by
     * that append and computed again from the files (the whole batch parsed and classified twice);
     * over a pinned version it is kept. Moving the table away after the append proves which: only
     * a result served from the cache can still be read.
     */
    @Test
    void aResultCachedFromAPinnedReadSurvivesAnAppendToItsTable() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Warehouse wh = new Warehouse(spark, tmp.resolve("wh").toString());
        assertEquals(0, wh.readPinned("t", SCHEMA).count(), "no table yet: empty, of the schema");
        wh.append("t", rows(spark, "a", "b"));

        Dataset<Row> pinned = wh.readPinned("t", SCHEMA).filter("id <> 'x'").persist();
        Dataset<Row> latest = wh.read("t").filter("id <> 'y'").persist();
        assertEquals(2, pinned.count());
        assertEquals(2, latest.count());
        wh.append("t", rows(spark, "c"));
        Files.move(tmp.resolve("wh/t"), tmp.resolve("elsewhere"));
        try {
            assertEquals(List.of("a", "b"), pinned.orderBy("id").collectAsList().stream().map(r -> r.getString(0)).toList(),
                    "the pinned result is still cached and holds the version it was read at");
            assertThrows(Exception.class, latest::count, "the unpinned result was dropped and must read the table again");
        } finally {
            pinned.unpersist();
            latest.unpersist();
        }
    }
}
