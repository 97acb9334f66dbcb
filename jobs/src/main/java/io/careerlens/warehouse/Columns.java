package io.careerlens.warehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Checks, at the top of a transformation, that its input has the columns it needs. */
public final class Columns {
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
}
