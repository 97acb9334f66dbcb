package io.careerlens.warehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Column-name rules of every transformation: the columns a step needs are checked at its top, and
 * working columns a step adds for itself carry one reserved prefix, so they can never overwrite an
 * input or output column (an events' {@code outcome} was once lost that way).
 */
public final class Columns {
    /** the prefix of internal working columns; no input or output column may start with it. */
    public static final String INTERNAL_PREFIX = "_cl_";

    private Columns() {
    }

    public static Dataset<Row> require(Dataset<Row> ds, String step, String... columns) {
        List<String> have = Arrays.asList(ds.columns());
        List<String> missing = new ArrayList<>();
        for (String c : columns) {
            if (!have.contains(c)) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(step + " needs column(s) " + String.join(", ", missing)
                    + " but its input has only " + String.join(", ", have));
        }
        return ds;
    }

    /** the name of a working column: reserved, so it cannot collide with a data column. */
    public static String internal(String name) {
        return INTERNAL_PREFIX + name;
    }

    /**
     * Fails when a data column (input, curated or output) uses the reserved prefix: the one place
     * that guarantees working columns and data columns never share a name.
     */
    public static void requireNotReserved(String what, Collection<String> dataColumns) {
        for (String c : dataColumns) {
            if (c.startsWith(INTERNAL_PREFIX)) {
                throw new IllegalStateException(what + ": column " + c + " uses the prefix " + INTERNAL_PREFIX
                        + " reserved for working columns");
            }
        }
    }
}
