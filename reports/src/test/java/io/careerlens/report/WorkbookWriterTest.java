package io.careerlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookWriterTest {
    @TempDir
    Path tmp;

    private static XSSFWorkbook open(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> sheets(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /** the row whose first cell is {@code label}. */
    private static Row rowLabelled(Sheet s, String label) {
        for (Row r : s) {
            Cell c = r.getCell(0);
            if (c != null && c.getCellType() == CellType.STRING && c.getStringCellValue().equals(label)) {
                return r;
            }
        }
        throw new AssertionError("no row " + label + " on " + s.getSheetName());
    }

    private Path write(ReportInput in) throws IOException {
        Path p = tmp.resolve(in.systemWide() ? "all.xlsx" : "office.xlsx");
        WorkbookWriter.write(in, Map.of(), p);
        return p;
    }

    @Test
    void officeWorkbookSheetsHeadersFormatsAndSafety() throws IOException {
        try (XSSFWorkbook wb = open(write(ReportFixtures.office(ReportFixtures.actions())))) {
            assertEquals(List.of("Summary", "Growth", "Event yield", "Student networks", "Stages", "Activities by year", "Stage entries",
                    "Student stages", "Departments", "Follow-up", "By counselor", "By cohort", "By student", "Caseload", "Action list",
                    "Backlog", "Data quality", "Files received", "Rejected lines", "Definitions", "Parameters"),
                    sheets(wb));
            Row biology = rowLabelled(wb.getSheet("Departments"), "Biology");
            assertEquals(7.0, biology.getCell(1).getNumericCellValue(), 1e-9, "office_id is not repeated on an office's sheet");
            Row byStudent = rowLabelled(wb.getSheet("By student"), "S0001");
            assertEquals(0.25, byStudent.getCell(4).getNumericCellValue(), 1e-9);
            Sheet growth = wb.getSheet("Growth");
            Row header = rowLabelled(growth, "office_id");
            assertEquals("month", header.getCell(1).getStringCellValue());
            assertEquals(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT, header.getCell(2).getCellStyle().getAlignment(),
                    "a header of numbers sits over its figures");
            assertNotNull(growth.getPaneInformation(), "header row frozen");
            assertTrue(((org.apache.poi.xssf.usermodel.XSSFSheet) growth).getCTWorksheet().isSetAutoFilter(), "auto-filter on the first table");
            Row march = growth.getRow(header.getRowNum() + 2);
            assertEquals(LocalDate.of(2026, 3, 1), march.getCell(1).getLocalDateTimeCellValue().toLocalDate());
            assertEquals("mmm yyyy", march.getCell(1).getCellStyle().getDataFormatString());
            assertEquals(0.15, march.getCell(5).getNumericCellValue(), 1e-9);
            assertEquals("0.0%", march.getCell(5).getCellStyle().getDataFormatString());
            assertEquals("#,##0", march.getCell(2).getCellStyle().getDataFormatString());
            assertEquals(CellType.NUMERIC, march.getCell(3).getCellType(), "numbers are numbers, not text");

            Sheet actions = wb.getSheet("Action list");
            assertTrue(actions.getRow(1).getCell(0).getStringCellValue().contains("ordered by days past due"),
                    "the order is stated at the top");
            Row first = rowLabelled(actions, "priority");
            assertEquals(List.of("priority", "counselor_id", "student_id", "contact", "relationship", "last_touch_on", "reasons",
                    "open_items", "due_on", "days_overdue"), java.util.stream.StreamSupport.stream(first.spliterator(), false)
                    .map(Cell::getStringCellValue).toList(), "no office, organization twice, hashed id or backlog flag");
            Cell evil = actions.getRow(first.getRowNum() + 1).getCell(3);
            assertEquals(CellType.STRING, evil.getCellType(), "input text never becomes a formula");
            assertEquals("=HYPERLINK(\"http://evil\")", evil.getStringCellValue());
            assertTrue(evil.getCellStyle().getQuotePrefixed());
            assertEquals(2, actions.getLastRowNum() - first.getRowNum(), "the two rows to work, not the backlog");
            Sheet rejected = wb.getSheet("Rejected lines");
            Row rejectedHeader = rowLabelled(rejected, "export_date");
            assertEquals("4, 9", rejected.getRow(rejectedHeader.getRowNum() + 1).getCell(4).getStringCellValue(),
                    "the office sees which lines of which file to fix");
            Sheet backlog = wb.getSheet("Backlog");
            Row backlogHeader = rowLabelled(backlog, "priority");
            assertEquals(1, backlog.getLastRowNum() - backlogHeader.getRowNum());
            assertEquals("Initech #a1b2c3", backlog.getRow(backlogHeader.getRowNum() + 1).getCell(3).getStringCellValue(),
                    "a pseudonymised contact is its organization and a short tag, never the bare hash");

            Sheet summary = wb.getSheet("Summary");
            Row months = rowLabelled(summary, "Figure");
            assertEquals("February 2026", months.getCell(2).getStringCellValue(), "the last complete month");
            assertEquals("March 2026 to date (partial, to 2026-03-10)", months.getCell(4).getStringCellValue());
            Row added = rowLabelled(summary, "Contacts added in the month");
            assertEquals(CellType.BLANK, added.getCell(1).getCellType(), "no January figure");
            assertEquals(10.0, added.getCell(2).getNumericCellValue(), 1e-9, "February");
            assertEquals(CellType.BLANK, added.getCell(3).getCellType(), "no change without January");
            assertEquals(6.0, added.getCell(4).getNumericCellValue(), 1e-9, "March so far, apart");
            Row thanks = rowLabelled(summary, Summary.RULE_NAMES.get("thank_you_24h"));
            assertEquals(0.75, thanks.getCell(2).getNumericCellValue(), 1e-9);
            assertEquals(org.apache.poi.ss.usermodel.IndexedColors.LIGHT_YELLOW.getIndex(),
                    thanks.getCell(2).getCellStyle().getFillForegroundColor(), "75% is amber between 50% and 80%");
            assertEquals(0.5, thanks.getCell(4).getNumericCellValue(), 1e-9);
            assertEquals(4.0, summary.getRow(thanks.getRowNum() + 1).getCell(2).getNumericCellValue(), 1e-9,
                    "the rate's n on the row below");
            assertEquals(2.0, rowLabelled(summary, "Follow-ups on the action list").getCell(1).getNumericCellValue(), 1e-9);
            assertTrue(summary.getRow(0).getCell(0).getStringCellValue().contains("Big Campus"));
            assertTrue(summary.getRow(1).getCell(0).getStringCellValue().contains("2026-03-09"), "data freshness");

            Sheet followUp = wb.getSheet("Follow-up");
            assertTrue(followUp.getSheetConditionalFormatting().getNumConditionalFormattings() > 0, "compliance is coloured");
            Sheet defs = wb.getSheet("Definitions");
            assertEquals("24", rowLabelled(wb.getSheet("Parameters"), "rules.thank_you_window_hours").getCell(1)
                    .getStringCellValue());
            rowLabelled(defs, "keep_warm");
            assertTrue(growth.getColumnWidth(0) > 256 * 4, "columns are sized to fit");
        }
    }

    @Test
    void everySheetPrintsLandscapeOnePageWideWithItsHeaderOnEveryPageAndAFooter() throws IOException {
        byte[] png = Charts.png(Charts.all(ReportFixtures.office(ReportFixtures.actions()), "Big Campus").get(Charts.GROWTH));
        Path p = tmp.resolve("print.xlsx");
        WorkbookWriter.write(ReportFixtures.office(ReportFixtures.actions()), Map.of(Charts.GROWTH, png), p);
        try (XSSFWorkbook wb = open(p)) {
            for (Sheet sheet : wb) {
                String name = sheet.getSheetName();
                assertTrue(sheet.getPrintSetup().getLandscape(), name);
                assertEquals(1, sheet.getPrintSetup().getFitWidth(), name);
                assertTrue(sheet.getFitToPage(), name);
                assertNotNull(sheet.getRepeatingRows(), name + ": header repeated on every page");
                assertEquals(sheet.getPaneInformation().getHorizontalSplitTopRow() - 1, sheet.getRepeatingRows().getFirstRow(),
                        name + ": the repeated row is the frozen header");
                assertEquals("Confidential: student data", sheet.getFooter().getLeft(), name);
                assertTrue(sheet.getFooter().getCenter().contains("&P") && sheet.getFooter().getRight().contains("2026-03-10"),
                        name);
            }
            assertEquals("CareerLens", wb.getProperties().getCoreProperties().getCreator());
            assertTrue(wb.getProperties().getCoreProperties().getTitle().contains("Big Campus"));

            var drawing = ((org.apache.poi.xssf.usermodel.XSSFSheet) wb.getSheet("Growth")).getDrawingPatriarch();
            var picture = (org.apache.poi.xssf.usermodel.XSSFPicture) drawing.getShapes().get(0);
            java.awt.Dimension d = org.apache.poi.ss.util.ImageUtils.getDimensionFromAnchor(picture);
            assertEquals((double) Charts.WIDTH / Charts.HEIGHT, d.getWidth() / d.getHeight(), 0.03,
                    "the chart keeps its aspect ratio");
        }
    }

    @Test
    void anOfficeWorkbookShowsTheSystemsFigureBesideItsOwn() throws IOException {
        Path p = tmp.resolve("vs.xlsx");
        WorkbookWriter.write(ReportFixtures.office(ReportFixtures.actions()), ReportFixtures.system(), Map.of(), p);
        try (XSSFWorkbook wb = open(p)) {
            Sheet summary = wb.getSheet("Summary");
            Row header = rowLabelled(summary, "Figure");
            assertEquals("All offices, February 2026 (vs. system)", header.getCell(4).getStringCellValue());
            Row thanks = rowLabelled(summary, Summary.RULE_NAMES.get("thank_you_24h"));
            assertEquals(0.75, thanks.getCell(2).getNumericCellValue(), 1e-9, "big in February: 3 of 4");
            assertEquals(0.75, thanks.getCell(4).getNumericCellValue(), 1e-9, "all offices: tiny (3 students) left out");
            Row students = rowLabelled(summary, "Students");
            assertEquals(12.0, students.getCell(3).getNumericCellValue(), 1e-9, "the system's students as published");
        }
    }

    @Test
    void allOfficesWorkbookSuppressesSmallCellsAndHoldsNoStudentId() throws IOException {
        try (XSSFWorkbook wb = open(write(ReportFixtures.system()))) {
            assertEquals(List.of("Summary", "Offices compared", "Compliance by office", "Growth", "Event yield", "Stages",
                    "Activities by year", "Follow-up", "Data quality", "Files received", "Definitions", "Parameters"), sheets(wb));
            Sheet summary = wb.getSheet("Summary");
            Row header = rowLabelled(summary, "Figure");
            assertEquals("Big Campus", header.getCell(1).getStringCellValue());
            assertEquals("Tiny Campus", header.getCell(2).getStringCellValue());
            Row students = rowLabelled(summary, "Students");
            assertEquals(12.0, students.getCell(1).getNumericCellValue(), 1e-9);
            assertEquals("<5", students.getCell(2).getStringCellValue(), "3 students: suppressed");
            assertEquals("<5", rowLabelled(summary, "Median network size").getCell(2).getStringCellValue());

            Sheet stages = wb.getSheet("Stages");
            Row funnelHeader = rowLabelled(stages, "office_id");
            Row big = stages.getRow(funnelHeader.getRowNum() + 1);
            Row tiny = stages.getRow(funnelHeader.getRowNum() + 2);
            assertEquals(12.0, big.getCell(3).getNumericCellValue(), 1e-9);
            assertEquals("tiny", tiny.getCell(0).getStringCellValue());
            assertEquals("<5", tiny.getCell(3).getStringCellValue());
            assertEquals("<5", tiny.getCell(11).getStringCellValue(), "the median too");

            DataFormatter f = new DataFormatter();
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        assertFalse(f.formatCellValue(c).matches(".*S\\d{4}.*"), "a student id in " + s.getSheetName());
                    }
                }
            }
        }
    }

    @Test
    void aLongActionListStreamsThroughABoundedHeap() throws IOException {
        int n = 200_000;
        Iterable<List<Object>> rows = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public List<Object> next() {
                i++;
                return Arrays.asList("big", i, "C1", "S" + (i % 5000), "Acme C" + i, "Acme", "peer", LocalDate.of(2025, 11, 1),
                        "keep warm: no touch within the cadence (due 2026-01-01)", 1L, LocalDate.of(2026, 1, 1), 68L, false, "C" + i);
            }
        };
        Path p = write(ReportFixtures.office(rows));
        assertTrue(Files.size(p) > 1_000_000);
        try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(p.toFile(), org.apache.poi.openxml4j.opc.PackageAccess.READ)) {
            // the streaming reader counts rows without loading the sheet into memory
            var reader = new org.apache.poi.xssf.eventusermodel.XSSFReader(pkg);
            var it = (org.apache.poi.xssf.eventusermodel.XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream sheet = it.next()) {
                    if (it.getSheetName().equals("Action list")) {
                        String xml = new String(sheet.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        // caption on row 1, note on row 2, header on row 3, the 200 000 rows on 4 .. 200 003
                        assertTrue(xml.contains("<c r=\"C200003\""), "the last of 200 000 rows is there");
                        assertFalse(xml.contains("<c r=\"C200004\""));
                    }
                }
            }
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException e) {
            throw new IOException(e);
        }
    }

    @Test
    void textLongerThanACellHoldsIsCutNotFatal() throws IOException {
        String huge = "C" + "x".repeat(40_000);
        List<List<Object>> rows = List.of(Arrays.asList("big", 1, "C1", "S0001", huge, "Acme", "mentor", null, "keep warm", 1L,
                LocalDate.of(2026, 2, 1), 37L, false, huge));
        try (XSSFWorkbook wb = open(write(ReportFixtures.office(rows)))) {
            Sheet actions = wb.getSheet("Action list");
            String cell = actions.getRow(rowLabelled(actions, "priority").getRowNum() + 1).getCell(3).getStringCellValue();
            assertEquals(SafeText.MAX_CELL_CHARS, cell.length());
            assertTrue(cell.startsWith("Cxxx") && cell.endsWith("…"));
        }
    }
}
