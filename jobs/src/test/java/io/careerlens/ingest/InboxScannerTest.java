package io.careerlens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.careerlens.config.Config;
import io.careerlens.config.OfficeConfig;
import io.careerlens.testing.Inboxes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 1: anything in the inbox that is not an export file is a skipped path with its reason. No Spark needed. */
class InboxScannerTest {
    @TempDir
    Path inbox;

    private static Config config() {
        Config c = new Config();
        OfficeConfig o = new OfficeConfig();
        o.name = "O";
        c.offices.put("o", o);
        return c;
    }

    @Test
    void danglingAndLoopingLinksAndPipesAreSkippedPathsWithTheirReason() throws Exception {
        Inboxes.write(inbox, "o", "2026-01-01", "students.csv", "student_id,program,program_start", "S1,phd,2025-09-01");
        Path day = inbox.resolve("o").resolve("2026-01-01");
        Files.createSymbolicLink(day.resolve("events.csv"), day.resolve("missing-events.csv"));
        Files.createSymbolicLink(day.resolve("contacts.csv"), day.resolve("contacts.csv"));
        Files.createSymbolicLink(inbox.resolve("o").resolve("2026-01-02"), inbox.resolve("nowhere"));
        Path fifo = inbox.resolve("o").resolve("2026-01-03").resolve("events.csv");
        Files.createDirectories(fifo.getParent());
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(), "mkfifo");

        InboxScanner.Result r = InboxScanner.scan(inbox.toString(), config(), io.careerlens.warehouse.HadoopConf.get());

        assertEquals(List.of("o/2026-01-01/students.csv"), r.files().stream().map(InboxFile::path).toList());
        Map<String, String> skipped = r.skipped().stream().collect(Collectors.toMap(SkippedPath::path, SkippedPath::reason));
        assertEquals(4, skipped.size(), skipped.toString());
        assertTrue(skipped.get("o/2026-01-03/events.csv").contains("not a regular file"), skipped.toString());
        assertTrue(skipped.get("o/2026-01-01/events.csv").contains("does not exist"), skipped.toString());
        assertTrue(skipped.get("o/2026-01-01/contacts.csv").contains("loops back on itself"), skipped.toString());
        assertTrue(skipped.get("o/2026-01-02").contains("does not exist"), skipped.toString());
    }
}
