package io.careerlens.warehouse;

import io.delta.tables.DeltaTable;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The Delta tables under one warehouse URI (a local folder, hdfs:// or s3a://). Every table is a
 * path {@code <warehouse>/<name>}, readable with {@code delta.`<path>`} from spark-sql.
 */
public final class Warehouse {
    private static final Logger LOG = LogManager.getLogger(Warehouse.class);
    public static final String REJECTS = "rejects";
    public static final String FILE_LEDGER = "file_ledger";

    private static final String DELETION_VECTORS = "delta.enableDeletionVectors";
    /**
     * The columns Delta keeps statistics of. Delta writes each data file's smallest and largest value
     * of a column (text: its first 32 characters) into the table's log and checksum files, where
     * they outlive the rows and reach any tool (or error message) that reads the log; by default it
     * does so for the first 32 columns, a personal one included. Tables holding one (events keep
     * notes when an office opts in) list their other columns instead.
     */
    static final String STATISTICS_COLUMNS = "delta.dataSkippingStatsColumns";
    private static final java.util.Set<String> PERSONAL = io.careerlens.contract.Entity.personalColumnNames();
    /**
     * From this size on, a MERGE marks the rows it replaces as deleted (Delta's deletion vectors)
     * instead of rewriting every file holding one: on M, one office's export replaced 589 of 3.2 M
     * current contacts and the MERGE rewrote the whole table (the contacts' writes 38-49 s, 256 MB more on
     * disk each night).
     * Below it, rewriting costs less than the vectors' own work (docs/performance.md).
     */
    static final long DELETION_VECTORS_FROM_BYTES = 64L << 20;

    /**
     * Every write adds files to a table, so its files grow with the nights, not with the rows: S's
     * metrics step took 20 s (18 %) longer when the curated, versions and rejects tables held 365
     * files each than over the same rows in a few files (docs/performance.md). From this many live
     * files, and files this small on average, {@link #compact} rewrites them into larger ones.
     */
    static final long COMPACT_FROM_FILES = 32;
    static final long COMPACT_BELOW_AVERAGE_BYTES = 32L << 20;

    private final SparkSession spark;
    private final String uri;
    /** {@link #DELETION_VECTORS_FROM_BYTES}; tests lower it. */
    long deletionVectorsFrom = DELETION_VECTORS_FROM_BYTES;
    /** {@link #COMPACT_FROM_FILES} and {@link #COMPACT_BELOW_AVERAGE_BYTES}; tests change them. */
    long compactFromFiles = COMPACT_FROM_FILES;
    long compactBelowAverageBytes = COMPACT_BELOW_AVERAGE_BYTES;
    /** tables whose statistics columns this process has checked (a table property read per table, once) */
    private final java.util.Set<String> statisticsChecked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public Warehouse(SparkSession spark, String uri) {
        this.spark = spark;
        this.uri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    public SparkSession spark() {
        return spark;
    }

    public String uri() {
        return uri;
    }


    public String path(String table) {
        return uri + "/" + table;
    }

    public boolean exists(String table) {
        return DeltaTable.isDeltaTable(spark, path(table));
    }

    /**
     * A table's latest commit file: its version (-1 when the table does not exist), length and
     * modification time. A table rebuilt beside the old one and switched in may reach the same version
     * number, never with the same commit file, so a cache keyed on all three cannot outlive its table.
     */
    public record Commit(long version, long length, long modifiedAt) {
        public String key() {
            return version + ":" + length + ":" + modifiedAt;
        }
    }

    /** {@link Commit} read from the transaction log's listing, without Spark. */
    public static Commit latestCommit(org.apache.hadoop.conf.Configuration hadoop, String warehouseUri, String table) {
        String root = warehouseUri.endsWith("/") ? warehouseUri.substring(0, warehouseUri.length() - 1) : warehouseUri;
        try {
            org.apache.hadoop.fs.Path log = new org.apache.hadoop.fs.Path(root + "/" + table, "_delta_log");
            org.apache.hadoop.fs.FileSystem fs = log.getFileSystem(hadoop);
            if (!fs.exists(log)) {
                return new Commit(-1, 0, 0);
            }
            Commit last = new Commit(-1, 0, 0);
            for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(log)) {
                String n = s.getPath().getName();
                if (n.matches("\\d{20}\\.json") && Long.parseLong(n.substring(0, 20)) > last.version()) {
                    last = new Commit(Long.parseLong(n.substring(0, 20)), s.getLen(), s.getModificationTime());
                }
            }
            return last;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the log of table " + table + ": " + e.getMessage(), e);
        }
    }

    public Dataset<Row> read(String table) {
        return spark.read().format("delta").load(path(table));
    }

    /** the table, or an empty one of that schema when it has not been written yet. */
    public Dataset<Row> readOrEmpty(String table, StructType schema) {
        return exists(table) ? read(table) : empty(schema);
    }

    /**
     * The table as of its latest commit now (empty of that schema before its first), pinned to that
     * version. Spark drops a cached result when a table its plan reads is written; a plan over a
     * pinned version does not read what the write changes, so a result cached from it survives
     * writes to the same table, and reads the same rows if computed again.
     */
    public Dataset<Row> readPinned(String table, StructType schema) {
        long version = latestCommit(spark.sparkContext().hadoopConfiguration(), uri, table).version();
        return version < 0 ? empty(schema) : spark.read().format("delta").option("versionAsOf", version).load(path(table));
    }

    private Dataset<Row> empty(StructType schema) {
        return spark.createDataFrame(java.util.List.of(), schema);
    }

    public void append(String table, Dataset<Row> data) {
        // mergeSchema: a column added in a later release joins a table written by an earlier one
        var writer = data.write().format("delta").mode("append").option("mergeSchema", "true");
        if (holdsPersonal(data.schema())) {
            if (exists(table)) {
                keepPersonalOutOfStatistics(table);
            } else {
                // a writer option of Delta's "delta." family becomes a property of the table it creates
                writer = writer.option(STATISTICS_COLUMNS, statisticsColumns(data.schema()).orElseThrow());
            }
        }
        writer.save(path(table));
    }

    /**
     * The columns of {@code schema} Delta should keep statistics of when it holds a personal column:
     * the others, of the types Delta can skip data by; empty when it holds none (Delta's default).
     */
    static java.util.Optional<String> statisticsColumns(StructType schema) {
        if (!holdsPersonal(schema)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.Arrays.stream(schema.fields())
                .filter(f -> !PERSONAL.contains(f.name()))
                .filter(f -> f.dataType() instanceof org.apache.spark.sql.types.StringType
                        || f.dataType() instanceof org.apache.spark.sql.types.NumericType
                        || f.dataType() instanceof org.apache.spark.sql.types.DateType
                        || f.dataType() instanceof org.apache.spark.sql.types.TimestampType)
                .map(f -> "`" + f.name() + "`")
                .collect(java.util.stream.Collectors.joining(",")));
    }

    /**
     * A table an earlier release created with Delta's default statistics gets the list of
     * {@link #statisticsColumns} before this process first adds files to it: from then on no new file
     * has statistics of a personal column (files written before keep theirs until
     * {@code ingest --full-refresh} rebuilds the table).
     */
    private void keepPersonalOutOfStatistics(String table, Dataset<Row> written) {
        if (holdsPersonal(written.schema())) {
            keepPersonalOutOfStatistics(table);
        }
    }

    private static boolean holdsPersonal(StructType schema) {
        return java.util.Arrays.stream(schema.fieldNames()).anyMatch(PERSONAL::contains);
    }

    private void keepPersonalOutOfStatistics(String table) {
        if (!statisticsChecked.add(table)) {
            return;
        }
        String listed = properties(table).get(STATISTICS_COLUMNS);
        if (listed != null && java.util.Arrays.stream(listed.split(",")).map(c -> c.trim().replace("`", ""))
                .noneMatch(PERSONAL::contains)) {
            return;
        }
        StructType schema = read(table).schema();
        java.util.Optional<String> statistics = statisticsColumns(schema);
        if (statistics.isPresent()) {
            LOG.info("{}: Delta keeps no statistics of {} from now on (personal data)", table,
                    java.util.Arrays.stream(schema.fieldNames()).filter(PERSONAL::contains).toList());
            // a commit of its own, like the deletion vectors' switch: a run stopped after it finds it done
            spark.sql("ALTER TABLE " + sqlName(table) + " SET TBLPROPERTIES ('" + STATISTICS_COLUMNS + "' = '"
                    + statistics.get() + "')");
        }
    }

    /**
     * Writes {@code data} as the whole of one date partition ({@code column} = {@code value}, the
     * column the table is partitioned by) in one commit, leaving the other dates alone. Replacing a
     * partition makes Delta rebuild the table's list of files first: three or four Spark jobs per
     * table whatever its size, a quarter of a small nightly's metric jobs. A date never written has
     * nothing to replace, and its rows are appended. Never written shows as no folder
     * {@code column=value} in the table: Delta keeps a partition's files in that folder (files of an
     * unfinished write too), unless column mapping or random file prefixes are switched on, and a
     * table with either is always replaced.
     */
    public void replacePartition(String table, Dataset<Row> data, String column, java.time.LocalDate value) {
        // mergeSchema: a column added in a later release joins the existing table
        var writer = data.write().format("delta").partitionBy(column).option("mergeSchema", "true");
        if (!exists(table) || (!hasFolder(table, column + "=" + value) && keepsPartitionFolders(table))) {
            writer.mode("append").save(path(table));
        } else {
            writer.mode("overwrite").option("replaceWhere", "`" + column + "` = DATE'" + value + "'").save(path(table));
        }
    }

    private boolean hasFolder(String table, String name) {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(path(table), name);
        try {
            return folder.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(folder);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot look for " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Whether Delta writes the table's files into one folder per partition value (its default). */
    boolean keepsPartitionFolders(String table) {
        java.util.Map<String, String> p = properties(table);
        return p.getOrDefault("delta.columnMapping.mode", "none").equalsIgnoreCase("none")
                && !p.getOrDefault("delta.randomizeFilePrefixes", "false").equalsIgnoreCase("true");
    }

    /** The table's properties (a command: no Spark job). */
    private java.util.Map<String, String> properties(String table) {
        java.util.Map<String, String> p = new java.util.HashMap<>();
        for (Row r : spark.sql("SHOW TBLPROPERTIES " + sqlName(table)).collectAsList()) {
            p.put(r.getString(0), r.getString(1));
        }
        return p;
    }

    private String sqlName(String table) {
        return "delta.`" + path(table).replace("`", "``") + "`";
    }

    /**
     * Inserts the rows whose key is not in the table yet, in one commit; rows already there are left
     * alone, so writing the same batch twice is harmless. Cheaper in the usual case: when no row of
     * the table matches {@code batch} (the rows this batch would write, e.g. its source files; null
     * when the caller knows the table cannot hold any), none of its keys can be there yet, so the
     * rows are appended without a MERGE. Only a batch a killed run had partly written pays for it.
     */
    public void insertNew(String table, Dataset<Row> data, org.apache.spark.sql.Column batch, String... keys) {
        if (!exists(table)) {
            append(table, data.dropDuplicates(keys));
            return;
        }
        if (batch == null || read(table).filter(batch).limit(1).isEmpty()) {
            append(table, data);
            return;
        }
        keepPersonalOutOfStatistics(table, data);
        DeltaTable.forPath(spark, path(table)).as("t").merge(data.as("s"), on(keys))
                .whenNotMatched().insertAll().execute();
    }

    /**
     * Whether {@code table} has no commit, or its latest commit is older than {@code later} (a commit
     * of another table, read from the logs' listings, no Spark job): when a run writes that table
     * after every other, such a table holds nothing of a run that stopped half-way.
     */
    public boolean untouchedSince(String table, Commit later) {
        Commit t = latestCommit(spark.sparkContext().hadoopConfiguration(), uri, table);
        return t.version() < 0 || later.version() >= 0 && t.modifiedAt() < later.modifiedAt();
    }

    /**
     * Replaces the rows of keys the table holds and adds new keys, paying for a MERGE only where one
     * is needed: {@code replacing} (rows whose key the table holds; null when there are none) is
     * merged, {@code adding} (new keys; null when none) appended, so a batch of new keys costs an
     * append instead of a scan and rewrite of the table. When a row of the table already matches
     * {@code batch} (a killed run wrote part of this batch; null when the caller knows it cannot
     * have), everything goes through one MERGE, which is safe to repeat. In a table of
     * {@link #DELETION_VECTORS_FROM_BYTES} or more, a MERGE marks the rows it replaces as deleted
     * rather than copying the rest of their files. With {@code within} (null: not known), a MERGE
     * reads only the table's rows the written rows can match.
     */
    public void upsert(String table, Dataset<Row> replacing, Dataset<Row> adding, org.apache.spark.sql.Column batch,
                       Within within, String... keys) {
        Dataset<Row> all = replacing == null ? adding : adding == null ? replacing : replacing.unionByName(adding);
        if (all == null) {
            return;
        }
        if (!exists(table)) {
            append(table, all);
            return;
        }
        if (batch != null && !read(table).filter(batch).limit(1).isEmpty()) {
            merge(table, all, within, keys);
            return;
        }
        if (replacing != null) {
            merge(table, replacing, within, keys);
        }
        if (adding != null) {
            append(table, adding);
        }
    }

    /**
     * Every row a write brings has {@code column} in {@code values}, so it can only match rows that
     * do too. A MERGE adds it as a condition on the table's side, which Delta applies as it scans:
     * one office's rows are compared with that office's rows, not with the whole table.
     */
    public record Within(String column, java.util.Collection<String> values) {
        /** The rows of a table read on its own that the written rows can match. */
        public org.apache.spark.sql.Column rows() {
            return isIn("`" + column + "`");
        }

        /** The same, on the table's side ({@code t}) of a MERGE. */
        org.apache.spark.sql.Column onTable() {
            return isIn("t.`" + column + "`");
        }

        private org.apache.spark.sql.Column isIn(String name) {
            return org.apache.spark.sql.functions.col(name).isin(values.toArray());
        }
    }

    private void merge(String table, Dataset<Row> data, Within within, String... keys) {
        // retired files included (until maintenance removes them): a table rewritten often switches sooner
        long bytes = dataFiles(table).bytes();
        if (bytes >= deletionVectorsFrom
                && !properties(table).getOrDefault(DELETION_VECTORS, "false").equalsIgnoreCase("true")) {
            // once per table, and it changes which readers can read it: the on-call engineer sees it in the log
            LOG.info("{}: {} MB of data files; replaced rows are marked with Delta deletion vectors from now on"
                    + " (readers need Delta Lake 2.3 or later)", table, bytes >> 20);
            // a commit of its own: a run stopped after it leaves the rows as they were, and the next run's MERGE finds it done
            spark.sql("ALTER TABLE " + sqlName(table) + " SET TBLPROPERTIES ('" + DELETION_VECTORS + "' = 'true')");
        }
        keepPersonalOutOfStatistics(table, data);
        org.apache.spark.sql.Column on = org.apache.spark.sql.functions.expr(on(keys));
        DeltaTable.forPath(spark, path(table)).as("t").merge(data.as("s"), within == null ? on : on.and(within.onTable()))
                .whenMatched().updateAll().whenNotMatched().insertAll().execute();
    }

    /**
     * (name, path) of every Delta table in the warehouse folder, by name; null when the folder does
     * not exist. A listing, no Spark job.
     */
    public static java.util.SortedMap<String, String> tables(org.apache.hadoop.conf.Configuration hadoop, String warehouseUri) {
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(warehouseUri);
        try {
            org.apache.hadoop.fs.FileSystem fs = root.getFileSystem(hadoop);
            if (!fs.exists(root)) {
                return null;
            }
            java.util.SortedMap<String, String> tables = new java.util.TreeMap<>();
            for (org.apache.hadoop.fs.FileStatus s : fs.listStatus(root)) {
                String name = s.getPath().getName();
                if (s.isDirectory() && name.matches("[a-z][a-z0-9_]*") && fs.exists(new org.apache.hadoop.fs.Path(s.getPath(), "_delta_log"))) {
                    tables.put(name, s.getPath().toString());
                }
            }
            return tables;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list the warehouse " + warehouseUri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes the files the table stopped using (replaced by a MERGE, a date's metrics written
     * again, or left by a killed write) once they are older than the table's retention
     * ({@code delta.deletedFileRetentionDuration}, 7 days unless set): a reader that started within
     * that time still finds the files of the version it reads. Nothing the table holds changes, and
     * no commit is written, so the recovery rules and the reuse of a date's reports, which compare
     * table versions, see the same tables. VACUUM costs a score of Spark jobs, so it only runs where
     * it may delete something: not where the data files add up to the latest checksum's size (no
     * unused file), nor where every file is younger than the retention (a file is retired after it
     * is written, so none can be old enough).
     */
    public Vacuumed vacuum(String table) {
        DataFiles before = dataFiles(table);
        java.util.OptionalLong live = checksumBytes(spark.sparkContext().hadoopConfiguration(), uri, table);
        boolean nothingUnused = live.isPresent() && live.getAsLong() == before.bytes();
        if (nothingUnused || System.currentTimeMillis() - before.oldest() < retentionMillis(table)) {
            return new Vacuumed(before.bytes(), before.bytes(), false);
        }
        // VACUUM's own commits would make the table look written to
        spark.conf().set("spark.databricks.delta.vacuum.logging.enabled", "false");
        spark.sql("VACUUM " + sqlName(table));
        return new Vacuumed(before.bytes(), dataFiles(table).bytes(), true);
    }

    /** A table's data files (its log aside) before and after {@link #vacuum}, and whether VACUUM ran. */
    public record Vacuumed(long bytesBefore, long bytesAfter, boolean searched) {
    }

    /** How long the table keeps a file it stopped using, for readers of older versions (Delta's setting and default). */
    private long retentionMillis(String table) {
        var setting = org.apache.spark.sql.delta.DeltaConfigs$.MODULE$.TOMBSTONE_RETENTION();
        String value = properties(table).getOrDefault(setting.key(), setting.defaultValue());
        return org.apache.spark.sql.delta.DeltaConfigs$.MODULE$.getMilliSeconds(setting.fromString().apply(value));
    }

    /** The table's size as its latest checksum file records it (the files of its current version); empty when there is none. */
    public static java.util.OptionalLong checksumBytes(org.apache.hadoop.conf.Configuration hadoop, String warehouseUri,
                                                       String table) {
        return number(checksum(hadoop, warehouseUri, table), "tableSizeBytes");
    }

    /** A number of a checksum file ({@code tableSizeBytes}, {@code numFiles}); empty when it is not there. */
    private static java.util.OptionalLong number(java.util.Optional<com.fasterxml.jackson.databind.JsonNode> checksum,
                                                 String field) {
        return checksum.map(c -> c.path(field)).filter(com.fasterxml.jackson.databind.JsonNode::canConvertToLong)
                .map(v -> java.util.OptionalLong.of(v.asLong())).orElse(java.util.OptionalLong.empty());
    }

    /** The table's latest checksum file; empty without a readable one. */
    private static java.util.Optional<com.fasterxml.jackson.databind.JsonNode> checksum(
            org.apache.hadoop.conf.Configuration hadoop, String warehouseUri, String table) {
        Commit last = latestCommit(hadoop, warehouseUri, table);
        if (last.version() < 0) {
            return java.util.Optional.empty();
        }
        org.apache.hadoop.fs.Path crc = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(warehouseUri, table),
                "_delta_log/" + String.format("%020d.crc", last.version()));
        try {
            org.apache.hadoop.fs.FileSystem fs = crc.getFileSystem(hadoop);
            if (!fs.exists(crc)) {
                return java.util.Optional.empty();
            }
            try (java.io.InputStream in = fs.open(crc)) {
                return java.util.Optional.of(new com.fasterxml.jackson.databind.ObjectMapper().readTree(in));
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("checksum of table {} unreadable: {}", table, e.toString());
            return java.util.Optional.empty();
        }
    }

    /**
     * Rewrites a table's small files into larger ones (Delta's OPTIMIZE), in one commit that changes
     * no row (the files it replaces stay until {@link #vacuum} deletes them after the retention).
     * Only a table of {@link #COMPACT_FROM_FILES} live files or more, smaller than
     * {@link #COMPACT_BELOW_AVERAGE_BYTES} on average, is compacted; the others cost a read of the
     * checksum file and no Spark job. The new version makes the next nightly compute its date's
     * figures again rather than reuse them, and search the table once for rows of an unfinished
     * run: both are what a changed table gets, and give the same figures.
     */
    public Compacted compact(String table) {
        org.apache.hadoop.conf.Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        var checksum = checksum(hadoop, uri, table);
        java.util.OptionalLong files = number(checksum, "numFiles");
        java.util.OptionalLong bytes = number(checksum, "tableSizeBytes");
        if (files.isEmpty() || bytes.isEmpty() || files.getAsLong() < compactFromFiles
                || bytes.getAsLong() / files.getAsLong() >= compactBelowAverageBytes) {
            long n = files.orElse(0);
            return new Compacted(n, n, false);
        }
        DeltaTable.forPath(spark, path(table)).optimize().executeCompaction();
        return new Compacted(files.getAsLong(), number(checksum(hadoop, uri, table), "numFiles").orElse(-1), true);
    }

    /** A table's live files before and after {@link #compact}, and whether it was compacted. */
    public record Compacted(long filesBefore, long filesAfter, boolean ran) {
    }

    /** Bytes and the oldest modification time of a table's data files. */
    private record DataFiles(long bytes, long oldest) {
    }

    /**
     * The table's data files, current and retired alike: its folder without the transaction log and
     * without hidden files (a local file system's checksums), which Delta neither counts nor removes.
     */
    private DataFiles dataFiles(String table) {
        org.apache.hadoop.fs.Path unqualified = new org.apache.hadoop.fs.Path(path(table));
        try {
            org.apache.hadoop.fs.FileSystem fs = unqualified.getFileSystem(spark.sparkContext().hadoopConfiguration());
            // qualified like the listing's paths, so that only the part below the table's folder is looked at
            org.apache.hadoop.fs.Path folder = fs.makeQualified(unqualified);
            long bytes = 0;
            long oldest = Long.MAX_VALUE;
            var files = fs.listFiles(folder, true);
            while (files.hasNext()) {
                org.apache.hadoop.fs.LocatedFileStatus f = files.next();
                String relative = folder.toUri().relativize(f.getPath().toUri()).getPath();
                if (java.util.Arrays.stream(relative.split("/")).noneMatch(p -> p.startsWith("_") || p.startsWith("."))) {
                    bytes += f.getLen();
                    oldest = Math.min(oldest, f.getModificationTime());
                }
            }
            return new DataFiles(bytes, oldest);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list table " + table + ": " + e.getMessage(), e);
        }
    }

    private static String on(String... keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            if (sb.length() > 0) {
                sb.append(" AND ");
            }
            sb.append("t.`").append(k).append("` = s.`").append(k).append('`');
        }
        return sb.toString();
    }
}
