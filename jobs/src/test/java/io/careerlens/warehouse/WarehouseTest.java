package io.careerlens.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
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

    private static String log(Warehouse wh, String table) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(Path.of(wh.path(table), "_delta_log"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                all.append(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }

    private Dataset<Row> noted(SparkSession spark, String id, String note) {
        return spark.sql("SELECT 'o1' AS office_id, '" + id + "' AS event_id, 7 AS cards_given, true AS registered, '"
                + note + "' AS notes");
    }

    /**
     * A table an earlier release created with Delta's default statistics (the note of its first
     * file in the log) gets the statistics columns before this release first adds files to it, by
     * an append or by a MERGE: no later note reaches its log. Other columns keep their statistics.
     */
    @Test
    void aTableCreatedWithDeltasDefaultStatisticsGetsNoMoreNotesInItsLog() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Warehouse wh = fresh();
        for (String table : List.of("appended", "merged")) {
            noted(spark, "e1", "Old note " + table).write().format("delta").save(wh.path(table));
            assertTrue(log(wh, table).contains("Old note " + table), "Delta's default keeps the first 32 columns' statistics");
        }
        wh.append("appended", noted(spark, "e2", "Later note A"));
        wh.upsert("merged", noted(spark, "e1", "Later note M"), null, null, null, "office_id", "event_id");
        for (String table : List.of("appended", "merged")) {
            String log = log(wh, table);
            assertFalse(log.contains("Later note"), table + ": " + log);
            // the statistics are JSON inside JSON: read without their escapes
            assertTrue(log.replace("\\", "").contains("\"maxValues\":{\"office_id\":\"o1\",\"event_id\":\"e"), table + ": " + log);
        }
        assertEquals(List.of("Later note A", "Old note appended"), wh.read("appended").orderBy("notes").collectAsList()
                .stream().map(r -> r.<String>getAs("notes")).toList(), "the notes themselves are stored");
        assertEquals(List.of("Later note M"), wh.read("merged").collectAsList().stream().map(r -> r.<String>getAs("notes")).toList());
    }

    private static final java.time.LocalDate MAY_1 = java.time.LocalDate.of(2026, 5, 1);
    private static final java.time.LocalDate MAY_2 = java.time.LocalDate.of(2026, 5, 2);

    private Dataset<Row> dated(SparkSession spark, java.time.LocalDate day, String... ids) {
        return rows(spark, ids).withColumn("as_of", org.apache.spark.sql.functions.lit(day));
    }

    private Warehouse fresh() {
        return new Warehouse(SparkTestSession.get(), tmp.resolve("wh").toString());
    }

    /** the rows {@code ids} written as date {@code day} of table m */
    private void put(Warehouse wh, java.time.LocalDate day, String... ids) {
        wh.replacePartition("m", dated(wh.spark(), day, ids), "as_of", day);
    }

    private static List<String> table(Warehouse wh, String name) {
        return wh.read(name).orderBy("as_of", "id").collectAsList().stream()
                .map(r -> r.get(r.fieldIndex("as_of")) + " " + r.getString(r.fieldIndex("id"))).toList();
    }

    /** The descriptions of the Spark jobs {@code work} starts. */
    private static List<String> jobsOf(SparkSession spark, Runnable work) {
        List<String> jobs = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        SparkListener listener = new SparkListener() {
            @Override
            public void onJobStart(SparkListenerJobStart start) {
                jobs.add(String.valueOf(start.properties().getProperty("spark.job.description")));
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            work.run();
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        } finally {
            spark.sparkContext().removeSparkListener(listener);
        }
        return List.copyOf(jobs);
    }

    @Test
    void aPartitionIsReplacedWholeAndTheOtherDatesAreLeftAlone() {
        Warehouse wh = fresh();
        put(wh, MAY_1, "a", "b");
        put(wh, MAY_2, "c");
        assertEquals(List.of("2026-05-01 a", "2026-05-01 b", "2026-05-02 c"), table(wh, "m"));

        put(wh, MAY_1, "x");
        put(wh, MAY_1, "x");
        assertEquals(List.of("2026-05-01 x", "2026-05-02 c"), table(wh, "m"), "written twice, held once");

        put(wh, MAY_2);
        assertEquals(List.of("2026-05-01 x"), table(wh, "m"), "a date written empty holds no row");
        put(wh, MAY_2, "d");
        assertEquals(List.of("2026-05-01 x", "2026-05-02 d"), table(wh, "m"));
    }

    /**
     * A date the table never held is appended: Delta does not rebuild the table's file list for it,
     * as it must to replace a date it holds.
     */
    @Test
    void aNewDateIsWrittenWithoutRebuildingTheFileList() {
        Warehouse wh = fresh();
        SparkSession spark = wh.spark();
        put(wh, MAY_1, "a");

        List<String> replacing = jobsOf(spark, () -> put(wh, MAY_1, "b"));
        assertTrue(replacing.stream().anyMatch(d -> d.contains("Compute snapshot")),
                "replacing a date rebuilds the file list: " + replacing);
        List<String> adding = jobsOf(spark, () -> put(wh, MAY_2, "c"));
        assertTrue(adding.stream().noneMatch(d -> d.contains("Compute snapshot") || d.contains("Filtering files")),
                "a new date needs no file list: " + adding);
        assertTrue(adding.size() < replacing.size(), adding + " against " + replacing);
        assertEquals(List.of("2026-05-01 b", "2026-05-02 c"), table(wh, "m"));
    }

    /**
     * A MERGE into a large table marks the row it replaces as deleted; in a small one it copies the
     * other rows of that row's file into a new file, which costs less there. Both read the same.
     */
    @Test
    void aMergeIntoALargeTableCopiesNoRowItLeavesAlone() {
        Warehouse wh = fresh();
        SparkSession spark = wh.spark();
        Dataset<Row> thousand = spark.range(1000).selectExpr("cast(id as string) as id", "'old' as v").coalesce(1);
        Dataset<Row> seven = spark.createDataFrame(List.of(RowFactory.create("7", "new")),
                new StructType().add("id", DataTypes.StringType).add("v", DataTypes.StringType));
        for (String t : List.of("small", "large")) {
            wh.upsert(t, null, thousand, null, null, "id");
            wh.deletionVectorsFrom = t.equals("large") ? 1 : Warehouse.DELETION_VECTORS_FROM_BYTES;
            wh.upsert(t, seven, null, null, null, "id");
        }
        assertEquals("999", lastMergeMetric(wh, "small", "numTargetRowsCopied"), "small: its one file rewritten");
        assertEquals("0", lastMergeMetric(wh, "large", "numTargetRowsCopied"), "large: the replaced row marked");
        // the next night: the table already marks rows
        wh.upsert("large", seven.selectExpr("'8' as id", "'new' as v"), null, null, null, "id");
        assertEquals("0", lastMergeMetric(wh, "large", "numTargetRowsCopied"), "large, next night");
        assertEquals(List.of("7 new"), changed(wh, "small"));
        assertEquals(List.of("7 new", "8 new"), changed(wh, "large"));
        assertEquals(1000, wh.read("small").count());
        assertEquals(1000, wh.read("large").count());
    }

    /**
     * A MERGE leaves the file it rewrote behind. Maintenance deletes it once it is older than the
     * table's retention, and nothing else: the same rows, the same version, no commit. A table whose
     * files are all younger than its retention (7 days) keeps them, and neither it nor a table
     * without unused files is searched (no Spark job).
     */
    @Test
    void vacuumDeletesOnlyFilesNoVersionUsesOnceOlderThanTheRetention() throws java.io.IOException {
        // a folder above the warehouse whose name starts like a hidden file's
        Warehouse wh = new Warehouse(SparkTestSession.get(), tmp.resolve("_above/wh").toString());
        SparkSession spark = wh.spark();
        Dataset<Row> thousand = spark.range(1000).selectExpr("cast(id as string) as id", "'old' as v").coalesce(1);
        Dataset<Row> seven = spark.createDataFrame(List.of(RowFactory.create("7", "new")),
                new StructType().add("id", DataTypes.StringType).add("v", DataTypes.StringType));
        for (String t : List.of("young", "expired", "clean")) {
            wh.upsert(t, null, thousand, null, null, "id");
            if (!t.equals("clean")) {
                wh.upsert(t, seven, null, null, null, "id"); // its one file rewritten: the old one is retired
            }
        }
        for (String t : List.of("expired", "clean")) {
            spark.sql("ALTER TABLE delta.`" + wh.path(t) + "` SET TBLPROPERTIES"
                    + " ('delta.deletedFileRetentionDuration' = 'interval 0 seconds')");
        }
        var hadoop = spark.sparkContext().hadoopConfiguration();
        java.util.Map<String, Long> versions = new java.util.HashMap<>();
        for (String t : List.of("young", "expired", "clean")) {
            versions.put(t, Warehouse.latestCommit(hadoop, wh.uri(), t).version());
        }
        assertEquals(2, dataFiles(wh, "expired"));
        assertEquals(2, dataFiles(wh, "young"));

        Warehouse.Vacuumed expired = wh.vacuum("expired");
        Warehouse.Vacuumed[] vacuumed = new Warehouse.Vacuumed[2];
        List<String> jobs = jobsOf(spark, () -> {
            vacuumed[0] = wh.vacuum("young");
            vacuumed[1] = wh.vacuum("clean");
        });
        Warehouse.Vacuumed young = vacuumed[0];
        Warehouse.Vacuumed clean = vacuumed[1];

        assertEquals(1, dataFiles(wh, "expired"), "the retired file is gone");
        assertTrue(expired.searched() && expired.bytesAfter() < expired.bytesBefore(), expired.toString());
        assertEquals(2, dataFiles(wh, "young"), "a file retired within the 7-day retention stays for readers of older versions");
        assertFalse(young.searched(), "every file younger than the retention: none can be deleted yet");
        assertEquals(young.bytesBefore(), young.bytesAfter());
        assertFalse(clean.searched(), "nothing retired: the checksum's size is the folder's");
        assertEquals(List.of(), jobs, "neither table costs a Spark job");
        for (String t : List.of("young", "expired", "clean")) {
            assertEquals(versions.get(t), Warehouse.latestCommit(hadoop, wh.uri(), t).version(), t + ": no commit");
            assertEquals(1000, wh.read(t).count(), t);
        }
        assertEquals(List.of("7 new"), changed(wh, "expired"));
        assertEquals(List.of("7 new"), changed(wh, "young"));
    }

    /**
     * Each night's write adds files to a table. Maintenance rewrites a table of many small files into
     * fewer, in one commit that keeps every row; a table with fewer files, or with large files on
     * average, is left alone without a Spark job or a commit.
     */
    @Test
    void compactionRewritesManySmallFilesAndLeavesTheOthersAlone() {
        Warehouse wh = new Warehouse(SparkTestSession.get(), tmp.resolve("wh").toString());
        SparkSession spark = wh.spark();
        wh.compactFromFiles = 4;
        for (int night = 0; night < 4; night++) {
            wh.append("nightly", rows(spark, "a" + night, "b" + night).coalesce(1));
            if (night < 3) {
                wh.append("few", rows(spark, "c" + night).coalesce(1));
            }
        }
        for (int night = 0; night < 4; night++) {
            wh.append("large", rows(spark, "d" + night).coalesce(1));
        }
        var hadoop = spark.sparkContext().hadoopConfiguration();
        long nightlyVersion = Warehouse.latestCommit(hadoop, wh.uri(), "nightly").version();
        List<String> nightlyRows = ids(wh, "nightly");
        assertEquals(8, nightlyRows.size());

        Warehouse.Compacted nightly = wh.compact("nightly");
        assertTrue(nightly.ran(), nightly.toString());
        assertEquals(4, nightly.filesBefore());
        assertEquals(1, nightly.filesAfter(), "four small files rewritten as one");
        assertEquals(nightlyVersion + 1, Warehouse.latestCommit(hadoop, wh.uri(), "nightly").version(), "one commit");
        assertEquals(nightlyRows, ids(wh, "nightly"), "the same rows");

        long fewVersion = Warehouse.latestCommit(hadoop, wh.uri(), "few").version();
        long largeVersion = Warehouse.latestCommit(hadoop, wh.uri(), "large").version();
        Warehouse.Compacted[] compacted = new Warehouse.Compacted[2];
        List<String> jobs = jobsOf(spark, () -> {
            compacted[0] = wh.compact("few");
            wh.compactBelowAverageBytes = 1; // every file counts as large
            compacted[1] = wh.compact("large");
        });
        Warehouse.Compacted few = compacted[0];
        Warehouse.Compacted large = compacted[1];
        assertFalse(few.ran(), "3 files, under the 4 it takes");
        assertEquals(3, few.filesAfter());
        assertFalse(large.ran(), "4 files, but none small");
        assertEquals(List.of(), jobs, "neither table costs a Spark job");
        assertEquals(fewVersion, Warehouse.latestCommit(hadoop, wh.uri(), "few").version(), "few: no commit");
        assertEquals(largeVersion, Warehouse.latestCommit(hadoop, wh.uri(), "large").version(), "large: no commit");
    }

    private static List<String> ids(Warehouse wh, String table) {
        return wh.read(table).orderBy("id").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    /** Parquet files in the table's folder, whether the table still uses them or not. */
    private long dataFiles(Warehouse wh, String table) throws java.io.IOException {
        try (var files = Files.list(Path.of(java.net.URI.create(wh.path(table)).getPath()))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
        }
    }

    private static List<String> changed(Warehouse wh, String table) {
        return wh.read(table).filter("v <> 'old'").collectAsList().stream()
                .map(r -> r.getString(0) + " " + r.getString(1)).sorted().toList();
    }

    private static String lastMergeMetric(Warehouse wh, String table, String metric) {
        Row last = io.delta.tables.DeltaTable.forPath(wh.spark(), wh.path(table)).history(1).first();
        assertEquals("MERGE", last.getString(last.fieldIndex("operation")), table);
        return last.<String, String>getJavaMap(last.fieldIndex("operationMetrics")).get(metric);
    }

    /**
     * With column mapping on, Delta writes a partition's files under random prefixes, not in a
     * folder named after the date: no folder then says nothing, and the date is replaced.
     */
    @Test
    void aTableWithoutPartitionFoldersIsAlwaysReplaced() {
        Warehouse wh = fresh();
        SparkSession spark = wh.spark();
        put(wh, MAY_1, "a");
        spark.sql("ALTER TABLE delta.`" + wh.path("m") + "` SET TBLPROPERTIES ('delta.columnMapping.mode' = 'name',"
                + " 'delta.minReaderVersion' = '2', 'delta.minWriterVersion' = '5')");
        put(wh, MAY_2, "b");
        assertFalse(Files.exists(tmp.resolve("wh/m/as_of=2026-05-02")), "column mapping: no folder per date");
        assertFalse(wh.keepsPartitionFolders("m"));

        put(wh, MAY_2, "c");
        assertEquals(List.of("2026-05-01 a", "2026-05-02 c"), table(wh, "m"));
    }
}
