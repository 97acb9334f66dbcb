package io.careerlens.ingest;

import io.careerlens.contract.Entity;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import io.careerlens.warehouse.Columns;
import io.careerlens.warehouse.Keys;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * SPEC 1.4: the newest export (by export_date, then line order) wins for a key; a row identical to
 * the version of its key held just before it is a duplicate, every other valid row is accepted.
 */
public final class VersionClassifier {
    /** working column: accepted or duplicate (reserved name: events have an input column "outcome"). */
    public static final String OUTCOME = Columns.internal("version_outcome");
    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    /** the row becomes its key's current version. */
    public static final String IS_CURRENT = Columns.internal("is_current");
    /** the key had a version before this batch, so it has a row in the current table to replace. */
    public static final String HAD_EARLIER = Columns.internal("had_earlier");
    private static final String NEW = Columns.internal("new");

    private VersionClassifier() {
    }

    /** Adds row_hash: a digest of the canonical values, so equal versions compare in one column. */
    public static Dataset<Row> withRowHash(Dataset<Row> rows, Entity entity) {
        List<String> names = CuratedSchema.canonicalNames(entity);
        Columns.require(rows, "row hash of " + entity.tableName(), names.toArray(new String[0]));
        Column[] cols = names.stream().map(n -> col(n)).toArray(Column[]::new);
        return rows.withColumn(CuratedSchema.ROW_HASH, sha2(to_json(struct(cols)), 256));
    }

    /**
     * @param history  earlier accepted versions (curated layout)
     * @param incoming valid rows of the files being ingested (curated layout)
     * @param ownRows  true for a held version written from the very files being ingested (a run
     *                 stopped half-way wrote it): it is this run's own, not an earlier version
     * @return incoming with {@link #OUTCOME}, {@link #IS_CURRENT} and {@link #HAD_EARLIER}
     */
    public static Dataset<Row> classify(Dataset<Row> history, Dataset<Row> incoming, Entity entity, Column ownRows) {
        String key = entity.keyColumn();
        String[] needed = {CuratedSchema.OFFICE_ID, key, CuratedSchema.EXPORT_DATE, CuratedSchema.LINE_NUMBER,
            CuratedSchema.SOURCE_FILE, CuratedSchema.SOURCE_CHECKSUM, CuratedSchema.ROW_HASH};
        Columns.require(history, "dedupe of " + entity.tableName() + " (history)", needed);
        Columns.require(incoming, "dedupe of " + entity.tableName() + " (incoming)", needed);
        List<String> keys = List.of(CuratedSchema.OFFICE_ID, key);
        // earlier versions only take part in the ordering: the columns it needs are read, the rest left null
        List<String> ordering = List.of(needed);
        Column[] layout = java.util.Arrays.stream(incoming.schema().fields())
                .map(f -> ordering.contains(f.name()) ? col(f.name()) : lit(null).cast(f.dataType()).as(f.name()))
                .toArray(Column[]::new);
        // a filter, not an anti join: on M the join shuffled every held version once more (1 GB of events)
        Dataset<Row> earlier = history.select(needed[0], rest(needed))
                .filter(not(ownRows))
                .join(incoming.select(CuratedSchema.OFFICE_ID, key).distinct(), Keys.of(keys.toArray(new String[0])), "left_semi")
                .select(layout)
                .withColumn(NEW, lit(false));
        Dataset<Row> all = earlier.unionByName(incoming.withColumn(NEW, lit(true)));

        WindowSpec ordered = Window.partitionBy(CuratedSchema.OFFICE_ID, key).orderBy(col(CuratedSchema.EXPORT_DATE),
                col(CuratedSchema.LINE_NUMBER), col(CuratedSchema.SOURCE_FILE), col(NEW));
        Column outcome = when(col(NEW).and(lag(CuratedSchema.ROW_HASH, 1).over(ordered)
                .eqNullSafe(col(CuratedSchema.ROW_HASH))), lit(DUPLICATE)).when(col(NEW), lit(ACCEPTED));
        // The current version is the last held or accepted one: a duplicate changes nothing.
        Column laterVersions = sum(when(not(col(NEW)).or(col(OUTCOME).equalTo(ACCEPTED)), 1).otherwise(0))
                .over(ordered.rowsBetween(1, Window.unboundedFollowing()));
        Column hadEarlier = max(not(col(NEW))).over(Window.partitionBy(CuratedSchema.OFFICE_ID, key));
        return all.withColumn(OUTCOME, outcome)
                .withColumn(IS_CURRENT, col(OUTCOME).equalTo(ACCEPTED).and(coalesce(laterVersions, lit(0)).equalTo(0)))
                .withColumn(HAD_EARLIER, hadEarlier)
                .filter(col(NEW))
                .drop(NEW);
    }

    /**
     * What a classification decided, in one pass: per file {accepted, duplicates}; and how many
     * current versions replace a key already held or bring a new key.
     */
    public record Tally(java.util.Map<String, long[]> byFile, long replacing, long adding) {
        /** versions accepted over all files. */
        public long accepted() {
            return byFile.values().stream().mapToLong(a -> a[0]).sum();
        }
    }

    public static Tally tally(Dataset<Row> classified) {
        java.util.Map<String, long[]> byFile = new java.util.HashMap<>();
        long[] current = new long[2];
        for (Row r : classified.groupBy(col(CuratedSchema.SOURCE_FILE), col(OUTCOME), col(IS_CURRENT), col(HAD_EARLIER))
                .count().collectAsList()) {
            long[] a = byFile.computeIfAbsent(r.getString(0), k -> new long[2]);
            a[ACCEPTED.equals(r.getString(1)) ? 0 : 1] += r.getLong(4);
            if (r.getBoolean(2)) {
                current[r.getBoolean(3) ? 0 : 1] += r.getLong(4);
            }
        }
        return new Tally(byFile, current[0], current[1]);
    }

    private static String[] rest(String[] cols) {
        String[] r = new String[cols.length - 1];
        System.arraycopy(cols, 1, r, 0, r.length);
        return r;
    }

}
