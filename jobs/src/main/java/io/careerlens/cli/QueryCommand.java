package io.careerlens.cli;

import io.careerlens.warehouse.SparkSessions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Ad hoc SQL on the warehouse for analysts, with the session settings the tables need (Delta,
 * UTC session time). Read-only: it takes no lock, so it can run while a nightly writes.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run one SQL query on the warehouse's Delta tables and print the result as CSV.",
            "Every table is a view named after its folder (events, rejects, metric_stage_funnel...);",
            "delta.`<path>` works as well. Read-only: takes no lock. Timestamps are in UTC."})
public class QueryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N rows printed (default: 1000).")
    int limit;

    @Parameters(paramLabel = "SQL", description = "The query, e.g. \"SELECT reason, count(*) FROM rejects GROUP BY reason\".")
    String sql;

    @Override
    public Integer call() throws IOException {
        common.config();
        SparkSession spark = SparkSessions.getOrCreate("careerlens-query");
        java.util.Map<String, String> tables = io.careerlens.warehouse.Warehouse.tables(spark.sparkContext().hadoopConfiguration(),
                common.warehouse());
        if (tables == null) {
            throw new io.careerlens.config.ConfigException("no warehouse at " + common.warehouse());
        }
        tables.forEach((name, path) -> spark.read().format("delta").load(path).createOrReplaceTempView(name));
        Dataset<Row> result = spark.sql(sql);
        print(result.columns(), result.limit(limit).collectAsList(), System.out);
        return Main.OK;
    }

    static void print(String[] columns, List<Row> rows, PrintStream out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(columns).setRecordSeparator("\n").get());
        for (Row r : rows) {
            Object[] cells = new Object[r.length()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = r.get(i);
            }
            csv.printRecord(cells);
        }
        csv.flush();
    }
}
