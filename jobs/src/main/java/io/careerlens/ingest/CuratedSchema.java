package io.careerlens.ingest;

import io.careerlens.contract.Column;
import io.careerlens.contract.ColumnType;
import io.careerlens.contract.Entity;
import io.careerlens.warehouse.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Column layout of the curated Delta tables and of the staged rows read from export files. The
 * canonical columns follow SPEC 1.2 (occurred_at adds occurred_on and day_precision); provenance
 * columns say which file and line a version came from.
 */
public final class CuratedSchema {
    public static final String OFFICE_ID = "office_id";
    public static final String EXPORT_DATE = "export_date";
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_CHECKSUM = "source_checksum";
    public static final String LINE_NUMBER = "line_number";
    public static final String ROW_HASH = "row_hash";
    // staged-only columns
    public static final String KIND = "kind";
    public static final String REJECT_REASON = "reject_reason";
    public static final String REJECT_DETAIL = "reject_detail";
    public static final String RAW_TEXT = "raw_text";
    public static final String KIND_FILE = "file";
    public static final String KIND_RECORD = "record";

    static {
        for (Entity e : Entity.values()) {
            Columns.requireNotReserved("the " + e.tableName() + " layout", List.of(staged(e).fieldNames()));
            Columns.requireNotReserved("the " + e.tableName() + " layout", List.of(curated(e).fieldNames()));
        }
    }

    private CuratedSchema() {
    }

    /** canonical stored columns of an entity, in order (personal columns other than notes left out). */
    public static List<StructField> canonicalFields(Entity entity) {
        List<StructField> fields = new ArrayList<>();
        for (Column c : entity.columns()) {
            if (c.personal() && !c.name().equals("notes")) {
                continue;
            }
            if (c.type() == ColumnType.TIMESTAMP) {
                fields.add(field(c.name(), DataTypes.TimestampType));
                fields.add(field("occurred_on", DataTypes.DateType));
                fields.add(field("day_precision", DataTypes.BooleanType));
            } else {
                fields.add(field(c.name(), sparkType(c.type())));
            }
        }
        return fields;
    }

    private static DataType sparkType(ColumnType t) {
        return switch (t) {
            case DATE -> DataTypes.DateType;
            case BOOL -> DataTypes.BooleanType;
            case INT -> DataTypes.IntegerType;
            default -> DataTypes.StringType;
        };
    }

    private static List<StructField> provenance() {
        return List.of(field(OFFICE_ID, DataTypes.StringType), field(EXPORT_DATE, DataTypes.DateType),
                field(SOURCE_FILE, DataTypes.StringType), field(SOURCE_CHECKSUM, DataTypes.StringType),
                field(LINE_NUMBER, DataTypes.LongType));
    }

    /** rows as parsed from files: provenance, outcome, canonical values (null for rejects). */
    public static StructType staged(Entity entity) {
        List<StructField> fields = new ArrayList<>(provenance());
        fields.add(field(KIND, DataTypes.StringType));
        fields.add(field(REJECT_REASON, DataTypes.StringType));
        fields.add(field(REJECT_DETAIL, DataTypes.StringType));
        fields.add(field(RAW_TEXT, DataTypes.StringType));
        fields.addAll(canonicalFields(entity));
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** the curated table: provenance, canonical values, and the hash of the canonical values. */
    public static StructType curated(Entity entity) {
        List<StructField> fields = new ArrayList<>(provenance());
        fields.addAll(canonicalFields(entity));
        fields.add(field(ROW_HASH, DataTypes.StringType));
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** the curated table's columns, to select; without the row hash when it is yet to be computed. */
    public static org.apache.spark.sql.Column[] columns(Entity entity, boolean withHash) {
        return java.util.Arrays.stream(curated(entity).fields()).map(StructField::name)
                .filter(n -> withHash || !n.equals(ROW_HASH))
                .map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
    }

    public static List<String> canonicalNames(Entity entity) {
        return canonicalFields(entity).stream().map(StructField::name).toList();
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
