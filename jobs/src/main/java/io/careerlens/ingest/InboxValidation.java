package io.careerlens.ingest;

import io.careerlens.config.Config;
import io.careerlens.contract.Entity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code validate}: every file of an inbox checked as the ingest would check it, duplicates within
 * the files counted, nothing written and no warehouse read. Rejected rows are listed (a bounded
 * sample per entity) so an office can fix its export before sending it.
 */
public final class InboxValidation {
    private static final int REJECT_SAMPLE_LIMIT = 1000;

    private InboxValidation() {
    }

    public static IngestReport run(SparkSession spark, Config config, String inbox, String runId) {
        InboxScanner.Result scan = InboxScanner.scan(inbox, config, spark.sparkContext().hadoopConfiguration());
        scan.logSkipped();
        BatchValidator validator = new BatchValidator(spark, config, runId);
        Map<String, FileResult> byPath = new LinkedHashMap<>();
        List<RejectedRow> samples = new ArrayList<>();
        for (Entity entity : Entity.values()) {
            List<InboxFile> files = scan.files().stream().filter(f -> f.entity() == entity).toList();
            if (files.isEmpty()) {
                continue;
            }
            BatchValidator.Batch batch = validator.validate(entity, files);
            samples.addAll(batch.samples(REJECT_SAMPLE_LIMIT));
            Dataset<Row> none = spark.createDataFrame(List.of(), CuratedSchema.curated(entity));
            var tally = VersionClassifier.tally(VersionClassifier.classify(none, batch.valid(), entity, InboxFile.rowsOf(files)));
            batch.results(tally.byFile(), FileResult.VALID).forEach(r -> byPath.put(r.path(), r));
            batch.release();
        }
        List<FileResult> results = scan.files().stream().map(f -> byPath.get(f.path())).toList();
        return new IngestReport(runId, results, scan.skipped(), samples,
                results.stream().mapToLong(FileResult::rejected).sum());
    }
}
