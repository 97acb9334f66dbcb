package io.careerlens.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Test helper: a small result table keyed by one or more columns. */
final class Rows {
    private Rows() {
    }

    static Map<String, Row> by(Dataset<Row> table, String... keys) {
        Function<Row, String> key = r -> {
            StringBuilder sb = new StringBuilder();
            for (String k : keys) {
                sb.append(sb.length() == 0 ? "" : "|").append(String.valueOf((Object) r.getAs(k)));
            }
            return sb.toString();
        };
        Map<String, Row> m = new LinkedHashMap<>();
        for (Row r : table.collectAsList()) {
            if (m.put(key.apply(r), r) != null) {
                throw new AssertionError("two rows for " + key.apply(r));
            }
        }
        return m;
    }
}
