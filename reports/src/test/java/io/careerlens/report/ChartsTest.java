package io.careerlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @TempDir
    Path tmp;

    static int colours(byte[] png) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        Set<Integer> seen = new HashSet<>();
        for (int x = 0; x < img.getWidth(); x += 3) {
            for (int y = 0; y < img.getHeight(); y += 3) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }

    @Test
    void everyChartIsAReadablePictureAndNotBlank() throws IOException {
        for (var c : Charts.all(ReportFixtures.system(), "all offices").entrySet()) {
            byte[] png = Charts.png(c.getValue());
            assertTrue(png.length > 10_000, c.getKey());
            assertTrue(colours(png) > 20, c.getKey() + " is not blank");
            assertTrue(c.getValue().getTitle().getText().contains("all offices"));
        }
    }

    @Test
    void complianceStopsAtAHundredPercentDrawsTheThresholdsAndMarksTheRunningMonth() {
        var plot = (org.jfree.chart.plot.CategoryPlot) Charts.all(ReportFixtures.office(ReportFixtures.actions()), "Big Campus")
                .get(Charts.COMPLIANCE).getPlot();
        assertEquals(100.0, plot.getRangeAxis().getUpperBound(), 1e-9);
        assertEquals(3, plot.getRangeMarkers(org.jfree.chart.ui.Layer.BACKGROUND).size(), "good, warning and poor bands");
        var months = plot.getDataset().getColumnKeys();
        assertEquals(List.of("2026-02", "2026-03 (partial)"), months, "D = 10 March: March is still running");
        assertEquals(Summary.RULE_NAMES.get("thank_you_24h"), plot.getDataset().getRowKey(0), "rules in words");
        assertFalse(((Charts.SparseMarkers) plot.getRenderer()).getItemShapeFilled(0, 0), "February: 3 met + 1 missed = 4 items, drawn hollow");
        assertTrue(((Charts.SparseMarkers) plot.getRenderer()).getSeriesShape(0) != null, "each rule has its own marker, whatever is drawn first");
    }

    @Test
    void reportFolderHoldsWorkbooksChartsAndIndexForOwnerAndGroupOnly() throws IOException {
        Path dir = tmp.resolve("run");
        List<Path> written = ReportWriter.write(dir, ReportFixtures.system(),
                List.of(() -> ReportFixtures.office(ReportFixtures.actions())));
        assertTrue(Files.exists(dir.resolve("all-offices.xlsx")));
        assertTrue(Files.exists(dir.resolve("offices/big.xlsx")));
        assertTrue(Files.exists(dir.resolve("charts/network-growth.png")));
        assertTrue(Files.exists(dir.resolve("charts/big/compliance.png")));
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("<meta name=\"viewport\""));
        assertTrue(index.contains("href=\"offices/big.html\""), "offices are reached through their own page");
        assertFalse(index.contains(".xlsx\">Big") || index.contains("offices/big.xlsx"), "the system page links no office workbook");
        assertTrue(index.contains("<a href=\"charts/compliance.png\"><img"), "a chart opens full size");
        assertTrue(index.contains("February 2026 (last complete month)"), "headline figures of complete months on top");
        assertTrue(index.contains("<td class=\"n\">&lt;5</td>"), "tiny's figures as the workbook shows them: suppressed");
        assertTrue(index.contains("<td class=\"n warn\">75.0%</td>"), "big's February thank-you rate, amber");
        String office = Files.readString(dir.resolve("offices/big.html"));
        assertTrue(office.contains("href=\"big.xlsx\"") && office.contains("../charts/big/stage-funnel.png"));
        assertFalse(office.contains("tiny") || office.contains("all-offices.xlsx"), "an office page shows that office only");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("all-offices.xlsx"))));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("offices"))));
        assertTrue(Files.exists(dir.resolve("charts/offices-funnel.png")) && index.contains("charts/offices-compliance.png"),
                "offices compared, one panel each, on the system page");
        assertEquals(1 + 1 + 1 + 4 + 2 + 4 + 1, written.size(), "workbooks, office page, charts, offices compared, index");
        assertTrue(index.contains("written from the warehouse by a report run, without an ingest"), "no run outcome: said so");
    }

    private static ReportInput as(ReportInput in, String id) {
        return new ReportInput(in.asOf(), new OfficeInfo(id, "Office " + id, "UTC", in.asOf()), in.offices(), in.tables(),
                in.parameters(), in.smallCell(), in.complianceGood(), in.complianceWarn());
    }

    /**
     * Offices are drawn on several threads. Their inputs are still asked for one after the other, in
     * order, on the calling thread (they read the student tables in one pass); the files are listed
     * as a one-thread run lists them; a drawing that fails fails the write with its own error.
     */
    @Test
    void officesAreDrawnSideBySideButAskedForAndListedInOrder() throws IOException {
        ReportInput big = ReportFixtures.office(ReportFixtures.actions());
        Thread caller = Thread.currentThread();
        List<String> asked = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<java.util.function.Supplier<ReportInput>> offices = new java.util.ArrayList<>();
        List<String> ids = List.of("o1", "o2", "o3", "o4", "o5");
        for (String id : ids) {
            offices.add(() -> {
                org.junit.jupiter.api.Assertions.assertSame(caller, Thread.currentThread(), id + " asked on another thread");
                asked.add(id);
                return as(big, id);
            });
        }
        Path dir = tmp.resolve("five");
        // three threads whatever this JVM's heap: the offices are drawn side by side
        List<String> written = ReportWriter.write(dir, ReportFixtures.system(), offices, null, 3).stream()
                .map(p -> dir.relativize(p).toString()).toList();
        assertEquals(ids, asked);
        List<String> expected = new java.util.ArrayList<>();
        List<String> charts = List.of(Charts.GROWTH, Charts.FUNNEL, Charts.COMPLIANCE, Charts.ACTIVITIES);
        charts.forEach(c -> expected.add("charts/" + c + ".png"));
        List.of(SmallMultiples.FUNNEL, SmallMultiples.COMPLIANCE).forEach(c -> expected.add("charts/" + c + ".png"));
        expected.add("all-offices.xlsx");
        for (String id : ids) {
            charts.forEach(c -> expected.add("charts/" + id + "/" + c + ".png"));
            expected.add("offices/" + id + ".xlsx");
            expected.add("offices/" + id + ".html");
        }
        expected.add("index.html");
        assertEquals(expected, written);

        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken.resolve("offices/o3.xlsx")); // a folder where o3's workbook goes
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> ReportWriter.write(broken, ReportFixtures.system(), offices, null, 3));
        assertTrue(String.valueOf(e.getMessage()).contains("o3.xlsx"), e.toString());
    }

    @Test
    void drawingThreadsFollowCoresWorkbooksAndHeap() {
        long gib = 1L << 30;
        assertEquals(2, ReportWriter.threads(50, 2, 4 * gib), "this machine: two cores, -Xmx4g");
        assertEquals(1, ReportWriter.threads(50, 32, gib), "spark-submit's default 1 GB driver: one at a time");
        assertEquals(3, ReportWriter.threads(50, 32, 3 * gib + gib / 2), "whole GiB of heap only");
        assertEquals(4, ReportWriter.threads(3, 16, 16 * gib), "three offices and all offices: four workbooks");
        assertEquals(1, ReportWriter.threads(0, 8, 8 * gib), "no office: the all-offices workbook alone");
    }

    @Test
    void theIndexPageOpensWithTheRunsStatusAndTheFilesItHeldBack() throws IOException {
        Path dir = tmp.resolve("gate");
        RunOutcome outcome = new RunOutcome("20260310T020000Z-ab12", "nightly", 3, List.of(
                new RunOutcome.HeldBack("big/2026-03-09/events.csv", "quarantined", "6.2% of its 100 rows were rejected")));
        ReportWriter.write(dir, ReportFixtures.system(), List.of(), outcome);
        String index = Files.readString(dir.resolve("index.html"));
        int status = index.indexOf("exit status 3");
        assertTrue(status > 0 && status < index.indexOf("last complete month"), "the run's status comes first");
        assertTrue(index.contains("<p class=\"status alert\">"));
        assertTrue(index.contains("<td>big/2026-03-09/events.csv</td><td>quarantined</td><td>6.2% of its 100 rows were rejected</td>"));
        assertTrue(index.contains("<th>Days since</th>"), "freshness per office");

        ReportWriter.write(tmp.resolve("ok"), ReportFixtures.system(), List.of(), new RunOutcome("r", "nightly", 0, List.of()));
        assertTrue(Files.readString(tmp.resolve("ok").resolve("index.html")).contains("ended normally (exit status 0)"));
    }
}
