package io.careerlens.ingest;

import io.careerlens.contract.Entity;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import io.careerlens.config.Config;
import io.careerlens.ops.Faults;
import io.careerlens.warehouse.Columns;
import io.careerlens.warehouse.Keys;
import io.careerlens.warehouse.Warehouse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * SPEC section 1: writes the new export files of an inbox into the curated Delta tables. Files
 * are checked by the {@link BatchValidator}, deduplicated against the versions held
 * ({@link VersionClassifier}) and written here. Every table write is one idempotent Delta commit
 * and the file ledger is written last, so a run stopped at any point is finished by the next one
 * with the same result. The entities are ingested side by side: their tables are their own, apart
 * from the rejects table, which they write in turn. ({@link InboxValidation} checks an inbox
 * without writing.)
 */
public final class Ingestor {
    private static final Logger LOG = LogManager.getLogger(Ingestor.class);

    private final SparkSession spark;
    private final Config config;
    private final Warehouse warehouse;
    private final String runId;
    private final BatchValidator validator;
    private final Object rejectsWrite = new Object();
    /**
     * The tables that, as the run found them, hold nothing of an unfinished run. Asked once at the
     * start: the rejects table, written since by the run's other entities, still holds none of an
     * entity's files (each file is one entity's).
     */
    private java.util.Set<String> settled;

    public Ingestor(SparkSession spark, Config config, Warehouse warehouse, String runId) {
        this.spark = spark;
        this.config = config;
        this.warehouse = java.util.Objects.requireNonNull(warehouse, "warehouse");
        this.runId = runId;
        this.validator = new BatchValidator(spark, config, runId);
    }

    /**
     * The inbox against the copy of the ledger index, without Spark: when the copy is current, the
     * scan that decides what is new (hashing only files whose size or modification time changed).
     */
    public record InboxCheck(LedgerIndex index, InboxScanner.Result scan) {
        /** no current copy: the ingest reads the ledger and scans the inbox itself. */
        public static final InboxCheck NONE = new InboxCheck(null, null);

        /** every file in the inbox has been ingested with this content before. */
        public boolean nothingNew() {
            return index != null && scan.files().stream().allMatch(index::isDone);
        }
    }

    /** An {@link InboxCheck} of {@code inbox} against the warehouse's ledger index copy (none: not checked). */
    public static InboxCheck check(Configuration hadoop, Config config, String warehouseUri, String inbox) {
        return LedgerIndex.cached(hadoop, warehouseUri)
                .map(index -> new InboxCheck(index, InboxScanner.scan(inbox, config, hadoop, index.stamps())))
                .orElse(InboxCheck.NONE);
    }

    /** The ingest report of a night whose {@link InboxCheck#nothingNew() inbox holds nothing new}: no Spark. */
    public static IngestReport nothingNew(InboxCheck check, String runId) {
        if (!check.nothingNew()) {
            throw new IllegalArgumentException("the inbox holds new files");
        }
        check.scan().logSkipped();
        LOG.info("nothing new in the inbox: {} file(s) already ingested", check.scan().files().size());
        return new IngestReport(runId, check.scan().files().stream().map(Ingestor::unchanged).toList(),
                check.scan().skipped(), List.of(), 0);
    }

    public IngestReport run(String inbox) {
        return run(inbox, InboxCheck.NONE);
    }

    /** @param check the inbox already checked against the ledger index, reused when it was current */
    public IngestReport run(String inbox, InboxCheck check) {
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        boolean indexed = check.index() != null;
        // the ledger is written last: its commit at the start tells which tables a stopped run may have touched
        Warehouse.Commit ledgerAtStart = Warehouse.latestCommit(hadoop, warehouse.uri(), Warehouse.FILE_LEDGER);
        settled = new java.util.HashSet<>();
        List<String> written = new ArrayList<>(List.of(Warehouse.REJECTS));
        for (Entity e : Entity.values()) {
            written.addAll(List.of(versionsTable(e), e.tableName()));
        }
        written.stream().filter(t -> warehouse.untouchedSince(t, ledgerAtStart)).forEach(settled::add);
        LedgerIndex known = indexed ? check.index() : readLedger();
        InboxScanner.Result scan = indexed ? check.scan() : InboxScanner.scan(inbox, config, hadoop, known.stamps());
        scan.logSkipped();
        List<FileResult> results = new ArrayList<>();
        Map<Entity, EntityBatch> batches = new LinkedHashMap<>();
        Map<String, FileResult> byPath = new LinkedHashMap<>();
        Map<Entity, List<InboxFile>> freshByEntity = new LinkedHashMap<>();
        for (InboxFile f : scan.files()) {
            if (known.isDone(f)) {
                byPath.put(f.path(), unchanged(f));
            } else {
                freshByEntity.computeIfAbsent(f.entity(), e -> new ArrayList<>()).add(f);
            }
        }
        // the entities write tables of their own (the rejects table in turn) and the ledger comes after all
        List<java.util.concurrent.Callable<EntityBatch>> tasks = new ArrayList<>();
        freshByEntity.forEach((entity, fresh) -> tasks.add(() -> {
            spark.sparkContext().setJobDescription("ingest " + entity.tableName());
            return ingestEntity(entity, fresh);
        }));
        for (EntityBatch batch : io.careerlens.ops.SideBySide.run(tasks, tasks.size())) {
            batch.results.forEach(r -> byPath.put(r.path(), r));
            batches.put(batch.entity, batch);
        }
        countOrphans(batches, byPath);
        Faults.at("ingest.before_ledger");
        Map<String, Long> modified = new HashMap<>();
        scan.files().forEach(f -> modified.put(f.path(), f.modifiedAt()));
        List<FileResult> processed = byPath.values().stream()
                .filter(r -> !r.status().equals(FileResult.SKIPPED_UNCHANGED)).toList();
        writeLedger(processed, modified);
        if (!processed.isEmpty() || !indexed) {
            known.with(processed, modified).cache(hadoop, warehouse.uri());
        }
        batches.values().forEach(b -> b.accepted.unpersist());
        for (InboxFile f : scan.files()) {
            results.add(byPath.get(f.path()));
        }
        return new IngestReport(runId, results, scan.skipped(), List.of(),
                results.stream().mapToLong(FileResult::rejected).sum());
    }

    private static FileResult unchanged(InboxFile f) {
        return new FileResult(f.path(), f.officeId(), f.exportDate(), f.entity().tableName(), f.size(), f.checksum(),
                FileResult.SKIPPED_UNCHANGED, "already ingested with this checksum", 0, 0, 0, 0, 0, Map.of());
    }

    /** What the file ledger holds (nothing before the first ingest). */
    private LedgerIndex readLedger() {
        if (!warehouse.exists(Warehouse.FILE_LEDGER)) {
            return LedgerIndex.empty();
        }
        return LedgerIndex.of(warehouse.read(Warehouse.FILE_LEDGER));
    }

    /** @param offices the offices of the entity's new files: their accepted rows belong to no other */
    private record EntityBatch(Entity entity, List<FileResult> results, Dataset<Row> accepted, Warehouse.Within offices) {
    }

    private EntityBatch ingestEntity(Entity entity, List<InboxFile> files) {
        long t0 = System.nanoTime();
        BatchValidator.Batch batch = validator.validate(entity, files);
        // pinned: appending this batch's versions below must not drop the classification cached from it
        Warehouse.Within offices = InboxFile.offices(files);
        Dataset<Row> history = warehouse.readPinned(versionsTable(entity), CuratedSchema.curated(entity))
                .filter(offices.rows());
        // rows of these very files: only a run killed after writing some of them left any
        org.apache.spark.sql.Column ownRows = InboxFile.rowsOf(files);
        Dataset<Row> classified = VersionClassifier.classify(history, batch.valid(), entity, ownRows)
                .persist(StorageLevel.MEMORY_AND_DISK());
        VersionClassifier.Tally tally = VersionClassifier.tally(classified);
        LOG.info("{}: {} file(s) read and classified in {} s: {} version(s) replace current rows, {} are new keys",
                entity.tableName(), files.size(), String.format("%.1f", (System.nanoTime() - t0) / 1e9),
                tally.replacing(), tally.adding());
        List<FileResult> results = batch.results(tally.byFile(), FileResult.INGESTED);
        write(entity, ownRows, offices, batch.rejects(), results.stream().mapToLong(FileResult::rejected).sum(),
                classified, tally);
        batch.release();
        Dataset<Row> accepted = classified.filter(col(VersionClassifier.OUTCOME).equalTo(VersionClassifier.ACCEPTED));
        return new EntityBatch(entity, results, accepted, offices);
    }

    public static String versionsTable(Entity entity) {
        return entity.tableName() + "_versions";
    }

    /**
     * Each write is one Delta commit and safe to repeat; a part with no rows is not written. A table
     * whose last commit is older than the ledger's holds nothing of an unfinished run (the ledger is
     * written last), so only the tables written since are searched for rows of this batch.
     */
    private void write(Entity entity, org.apache.spark.sql.Column batch, Warehouse.Within offices, Dataset<Row> rejects,
                       long rejected, Dataset<Row> classified, VersionClassifier.Tally tally) {
        long t0 = System.nanoTime();
        if (rejected > 0) {
            synchronized (rejectsWrite) { // shared by the entities: one commit at a time, the first creates it
                warehouse.insertNew(Warehouse.REJECTS, rejects, unsettled(Warehouse.REJECTS, batch), CuratedSchema.SOURCE_FILE,
                        CuratedSchema.SOURCE_CHECKSUM, CuratedSchema.LINE_NUMBER);
            }
        }
        Faults.at("ingest.after_rejects");
        if (tally.accepted() > 0) {
            Dataset<Row> accepted = classified.filter(col(VersionClassifier.OUTCOME).equalTo(VersionClassifier.ACCEPTED))
                    .select(CuratedSchema.columns(entity, true));
            warehouse.insertNew(versionsTable(entity), accepted, unsettled(versionsTable(entity), batch),
                    CuratedSchema.SOURCE_FILE, CuratedSchema.SOURCE_CHECKSUM, CuratedSchema.LINE_NUMBER);
        }
        Faults.at("ingest.after_versions");
        Dataset<Row> current = classified.filter(col(VersionClassifier.IS_CURRENT));
        warehouse.upsert(entity.tableName(),
                tally.replacing() > 0 ? current.filter(col(VersionClassifier.HAD_EARLIER)).select(CuratedSchema.columns(entity, true)) : null,
                tally.adding() > 0 ? current.filter(not(col(VersionClassifier.HAD_EARLIER))).select(CuratedSchema.columns(entity, true)) : null,
                unsettled(entity.tableName(), batch), offices, CuratedSchema.OFFICE_ID, entity.keyColumn());
        LOG.info("{}: tables written in {} s", entity.tableName(), String.format("%.1f", (System.nanoTime() - t0) / 1e9));
    }

    /** {@code batch}, or null when the table, as the run found it, holds nothing of an unfinished run. */
    private org.apache.spark.sql.Column unsettled(String table, org.apache.spark.sql.Column batch) {
        return settled.contains(table) ? null : batch;
    }

    /**
     * SPEC 1.4: rows whose student (or contact) is not known are kept and counted as orphans of the
     * file that brought them.
     */
    private void countOrphans(Map<Entity, EntityBatch> batches, Map<String, FileResult> byPath) {
        if (!warehouse.exists(Entity.STUDENTS.tableName())) {
            return;
        }
        List<Dataset<Row>> orphanRows = new ArrayList<>();
        Dataset<Row> students = warehouse.read(Entity.STUDENTS.tableName()).select(CuratedSchema.OFFICE_ID, "student_id");
        Dataset<Row> contacts = warehouse.exists(Entity.CONTACTS.tableName())
                ? warehouse.read(Entity.CONTACTS.tableName()).select(CuratedSchema.OFFICE_ID, "contact_id") : null;
        for (Entity e : List.of(Entity.CONTACTS, Entity.EVENTS)) {
            EntityBatch batch = batches.get(e);
            if (batch == null) {
                continue;
            }
            // the rows' own offices: a student or contact of another office cannot be theirs
            org.apache.spark.sql.Column offices = batch.offices.rows();
            String knownStudent = Columns.internal("known_student");
            String knownContact = Columns.internal("known_contact");
            Dataset<Row> marked = batch.accepted.join(students.filter(offices).withColumn(knownStudent, lit(true)),
                    Keys.STUDENT, "left");
            org.apache.spark.sql.Column orphan = col(knownStudent).isNull();
            if (e == Entity.EVENTS && contacts != null) {
                marked = marked.join(contacts.filter(offices).withColumn(knownContact, lit(true)),
                        Keys.CONTACT, "left");
                orphan = orphan.or(col("contact_id").isNotNull().and(col(knownContact).isNull()));
            } else if (e == Entity.EVENTS) {
                orphan = orphan.or(col("contact_id").isNotNull());
            }
            orphanRows.add(marked.filter(orphan).groupBy(CuratedSchema.SOURCE_FILE).count());
        }
        if (orphanRows.isEmpty()) {
            return;
        }
        // one query for both entities: their joins run side by side instead of one after the other
        // (a file is one entity's, so the paths do not collide)
        Dataset<Row> counts = orphanRows.stream().reduce(Dataset::union).orElseThrow();
        for (Row r : counts.collectAsList()) {
            FileResult f = byPath.get(r.getString(0));
            byPath.put(f.path(), new FileResult(f.path(), f.officeId(), f.exportDate(), f.entity(), f.size(),
                    f.checksum(), f.status(), f.reason(), f.rowsRead(), f.accepted(), f.rejected(), f.duplicates(),
                    r.getLong(1), f.rejectsByReason()));
        }
    }

    public static StructType ledgerSchema() {
        return new StructType()
                .add("path", DataTypes.StringType).add("office_id", DataTypes.StringType)
                .add("export_date", DataTypes.DateType).add("entity", DataTypes.StringType)
                .add("size", DataTypes.LongType).add("checksum", DataTypes.StringType)
                .add("status", DataTypes.StringType).add("reason", DataTypes.StringType)
                .add("rows_read", DataTypes.LongType).add("accepted", DataTypes.LongType)
                .add("rejected", DataTypes.LongType).add("duplicates", DataTypes.LongType)
                .add("orphans", DataTypes.LongType)
                .add("rejects_by_reason", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
                .add("run_id", DataTypes.StringType).add("recorded_at", DataTypes.TimestampType)
                .add(LedgerIndex.MODIFIED_AT, DataTypes.LongType);
    }

    private void writeLedger(List<FileResult> processed, Map<String, Long> modified) {
        if (processed.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        for (FileResult f : processed) {
            rows.add(org.apache.spark.sql.RowFactory.create(f.path(), f.officeId(), f.exportDate(), f.entity(), f.size(),
                    f.checksum(), f.status(), f.reason(), f.rowsRead(), f.accepted(), f.rejected(), f.duplicates(),
                    f.orphans(), scala.jdk.javaapi.CollectionConverters.asScala(f.rejectsByReason()), runId, now,
                    modified.get(f.path())));
        }
        // ledgers written before modified_at existed take the new column (append merges schemas)
        warehouse.append(Warehouse.FILE_LEDGER, spark.createDataFrame(rows, ledgerSchema()));
    }
}
