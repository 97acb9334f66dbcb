package io.careerlens.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.careerlens.testing.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeGenerationTest {
    @TempDir
    Path tmp;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void theDataIsTheLargerOfTheInboxCsvAndTheTablesLatestChecksum() throws IOException {
        Path wh = tmp.resolve("wh");
        // version 1 is the latest commit: its checksum counts, not version 0's
        write(wh.resolve("events/_delta_log/00000000000000000000.json"), "{}");
        write(wh.resolve("events/_delta_log/00000000000000000000.crc"), "{\"tableSizeBytes\": 999999}");
        write(wh.resolve("events/_delta_log/00000000000000000001.json"), "{}");
        write(wh.resolve("events/_delta_log/00000000000000000001.crc"), "{\"tableSizeBytes\": 3000, \"numFiles\": 2}");
        write(wh.resolve("students/_delta_log/00000000000000000000.json"), "{}");
        write(wh.resolve("students/_delta_log/00000000000000000000.crc"), "{\"tableSizeBytes\": 500}");
        Path inbox = tmp.resolve("inbox");
        write(inbox.resolve("north/2026-01-01/events.csv"), "x".repeat(1000));
        write(inbox.resolve("north/2026-01-01/students.csv"), "x".repeat(200));
        write(inbox.resolve("north/2026-01-01/notes.txt"), "x".repeat(9000)); // not an export
        Configuration hadoop = HadoopConf.get();
        List<String> tables = List.of("students", "contacts", "events"); // no contacts table yet
        assertEquals(3500, CodeGeneration.dataBytes(hadoop, wh.toString(), tables, inbox.toString()));
        write(inbox.resolve("south/2026-01-01/events.csv"), "x".repeat(4000));
        assertEquals(5200, CodeGeneration.dataBytes(hadoop, wh.toString(), tables, inbox.toString()));
        assertEquals(3500, CodeGeneration.dataBytes(hadoop, wh.toString(), tables, null));
        assertEquals(0, CodeGeneration.dataBytes(hadoop, tmp.resolve("none").toString(), tables, tmp.resolve("no-inbox").toString()));
    }

    @Test
    void smallDataIsInterpretedLargeDataCompiledAndASubmittedChoiceStands() {
        SparkSession session = SparkTestSession.get().newSession();
        RuntimeConfig conf = session.conf();
        SparkConf nothingSubmitted = new SparkConf(false);
        assertTrue(CodeGeneration.choose(nothingSubmitted, conf, 16L * 1024 * 1024 - 1));
        assertEquals("NO_CODEGEN", conf.get(CodeGeneration.FACTORY_MODE));
        assertEquals("false", conf.get(CodeGeneration.WHOLE_STAGE));
        assertFalse(CodeGeneration.choose(nothingSubmitted, conf, 16L * 1024 * 1024));
        assertEquals("FALLBACK", conf.get(CodeGeneration.FACTORY_MODE));
        assertEquals("true", conf.get(CodeGeneration.WHOLE_STAGE));

        SparkConf submitted = new SparkConf(false).set(CodeGeneration.WHOLE_STAGE, "true");
        assertFalse(CodeGeneration.choose(submitted, conf, 1), "the submitter's setting is kept");
        assertEquals("FALLBACK", conf.get(CodeGeneration.FACTORY_MODE));
        assertEquals("true", conf.get(CodeGeneration.WHOLE_STAGE));
    }
}
