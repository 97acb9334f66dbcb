package io.careerlens.report;

import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes report tables one under the other on a sheet: a caption, a header row, typed cells with
 * their number formats, column widths that fit, and a chart picture beside the table. The first
 * table's header is frozen and filtered. Rows are written as they stream.
 */
final class SheetWriter {
    private static final int MAX_WIDTH = 60;
    private static final int CHART_WIDTH_PX = 640;
    private final Workbook wb;
    private final Sheet sheet;
    private final Styles styles;
    private final ReportInput in;
    private final int[] widths = new int[64];
    private int next;
    private boolean first = true;

    SheetWriter(Workbook wb, Sheet sheet, Styles styles, ReportInput in) {
        this.wb = wb;
        this.sheet = sheet;
        this.styles = styles;
        this.in = in;
        // printed landscape, one page wide, with page number, date and what the pages hold in the footer
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.getFooter().setLeft(in.systemWide() ? "Aggregates only (figures over fewer than " + in.smallCell()
                + " students suppressed)" : "Confidential: student data");
        sheet.getFooter().setCenter("Page &P of &N");
        sheet.getFooter().setRight("CareerLens, as of " + in.asOf() + " — &A");
    }

    void title(String text, String note) {
        Row r = sheet.createRow(next++);
        Cell c = r.createCell(0);
        c.setCellValue(SafeText.forCell(text));
        c.setCellStyle(styles.title);
        if (note != null) {
            Cell n = sheet.createRow(next++).createCell(0);
            n.setCellValue(SafeText.forCell(note));
            n.setCellStyle(styles.note);
        }
        next++;
    }

    /** @param chart PNG shown to the right of the table, or null; suppressed cells ({@link Suppression}) show "<N" */
    void table(String caption, Table table, byte[] chart) {
        table(caption, null, table, chart);
    }

    private void captionAndNote(String caption, String note, int columns) {
        if (caption != null) {
            Cell c = sheet.createRow(next++).createCell(0);
            c.setCellValue(SafeText.forCell(caption));
            c.setCellStyle(styles.title);
        }
        if (note != null) {
            paragraph(note, columns);
        }
    }

    /** characters a note line holds before it wraps: about this many per column of the table under it. */
    private static final int NOTE_CHARS_PER_COLUMN = 11;
    private static final int NOTE_MIN_LINE = 90;

    /**
     * A note as wide as the table it explains: a long one wraps inside the merged cells of the
     * table's columns (a note running past the table would widen every printed page, or be cut).
     */
    void paragraph(String text, int columns) {
        Row r = sheet.createRow(next++);
        Cell c = r.createCell(0);
        c.setCellValue(SafeText.forCell(text));
        int perLine = Math.max(NOTE_MIN_LINE, columns * NOTE_CHARS_PER_COLUMN);
        if (text.length() <= perLine || columns < 2) {
            c.setCellStyle(styles.note);
            return;
        }
        c.setCellStyle(styles.noteWrapped);
        sheet.addMergedRegion(new CellRangeAddress(r.getRowNum(), r.getRowNum(), 0, columns - 1));
        r.setHeightInPoints(15f * (1 + text.length() / perLine));
    }

    /** @param note a line under the caption that says how to read the table (its order, what it leaves out) */
    void table(String caption, String note, Table table, byte[] chart) {
        captionAndNote(caption, note, table.columns().size());
        int headerRow = next;
        Row h = sheet.createRow(next++);
        List<ColumnSpec> cols = table.columns();
        for (int i = 0; i < cols.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(SafeText.forCell(cols.get(i).label()));
            c.setCellStyle(numeric(cols.get(i).kind()) ? styles.headerRight : styles.header);
            fit(i, Math.min(cols.get(i).label().length(), 18));
        }
        h.setHeightInPoints(30);
        int firstData = next;
        for (List<Object> values : table.rows()) {
            Row r = sheet.createRow(next++);
            for (int i = 0; i < cols.size(); i++) {
                write(r.createCell(i), cols.get(i).kind(), values.get(i), false, i);
            }
        }
        int lastData = next - 1;
        if (lastData < firstData) {
            Cell c = sheet.createRow(next++).createCell(0);
            c.setCellValue("No rows for this date.");
            c.setCellStyle(styles.note);
        }
        if (first) {
            sheet.createFreezePane(0, headerRow + 1);
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, lastData), 0, cols.size() - 1));
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            first = false;
        }
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).kind() == Kind.RATE && cols.get(i).name().startsWith("compliance") && lastData >= firstData) {
                colour(new CellRangeAddress(firstData, lastData, i, i));
            }
        }
        if (chart != null) {
            // below the (taller) header row: from there every row has the default height the sizing assumes
            picture(chart, cols.size() + 1, headerRow + 1);
        }
        next += 2;
    }

    private void write(Cell cell, Kind kind, Object v, boolean suppress, int col) {
        // a suppressed figure shows "<N" even when empty: a blank would tell that nobody is behind it
        if (Suppression.isSuppressed(v) || suppress && (kind == Kind.INT || kind == Kind.DECIMAL || kind == Kind.RATE
                || kind == Kind.SIGNED || kind == Kind.POINTS)) {
            cell.setCellValue("<" + in.smallCell());
            cell.setCellStyle(styles.suppressed);
            fit(col, 3);
            return;
        }
        if (v == null) {
            return;
        }
        switch (kind) {
            case INT, DECIMAL, RATE, SIGNED, POINTS -> {
                cell.setCellValue(((Number) v).doubleValue());
                cell.setCellStyle(styles.of(kind));
                fit(col, kind == Kind.RATE ? 7 : 10);
            }
            case DATE, MONTH -> {
                cell.setCellValue((LocalDate) v);
                cell.setCellStyle(styles.of(kind));
                fit(col, 11);
            }
            case BOOL -> {
                cell.setCellValue((Boolean) v ? "yes" : "no");
                fit(col, 4);
            }
            default -> {
                String s = SafeText.forCell(String.valueOf(v));
                // always a string cell, never a formula; a leading = + - @ is also shown quoted
                cell.setCellValue(s);
                if (SafeText.risky(s)) {
                    cell.setCellStyle(styles.quoted);
                }
                fit(col, s.length());
            }
        }
    }

    private static boolean numeric(Kind kind) {
        return kind == Kind.INT || kind == Kind.DECIMAL || kind == Kind.RATE || kind == Kind.SIGNED || kind == Kind.POINTS;
    }

    private void fit(int col, int chars) {
        if (col < widths.length) {
            widths[col] = Math.max(widths[col], Math.min(MAX_WIDTH, chars + 2));
        }
    }

    /** green, amber, red by the thresholds; only numbers are coloured (a "<5" is text and stays plain). */
    private void colour(CellRangeAddress range) {
        var cf = sheet.getSheetConditionalFormatting();
        String v = new org.apache.poi.ss.util.CellReference(range.getFirstRow(), range.getFirstColumn()).formatAsString();
        String good = String.valueOf(in.complianceGood());
        String warn = String.valueOf(in.complianceWarn());
        ConditionalFormattingRule[] rules = {
            rule(cf, "AND(ISNUMBER(" + v + ")," + v + ">=" + good + ")", IndexedColors.LIGHT_GREEN),
            rule(cf, "AND(ISNUMBER(" + v + ")," + v + "<" + warn + ")", IndexedColors.ROSE),
            rule(cf, "AND(ISNUMBER(" + v + ")," + v + ">=" + warn + "," + v + "<" + good + ")", IndexedColors.LIGHT_YELLOW)};
        cf.addConditionalFormatting(new CellRangeAddress[] {range}, rules);
    }

    private static ConditionalFormattingRule rule(org.apache.poi.ss.usermodel.SheetConditionalFormatting cf, String formula,
                                                  IndexedColors colour) {
        ConditionalFormattingRule r = cf.createConditionalFormattingRule(formula);
        r.createPatternFormatting().setFillBackgroundColor(colour.getIndex());
        r.getPatternFormatting().setFillPattern((short) FillPatternType.SOLID_FOREGROUND.getCode());
        return r;
    }

    /** a chart placed once the columns have their widths (see {@link #finish}), at its own aspect ratio. */
    private record Pending(byte[] png, int col, int row) {
    }

    private final List<Pending> pictures = new java.util.ArrayList<>();

    private void picture(byte[] png, int col, int row) {
        pictures.add(new Pending(png, col, row));
    }

    private void place(Pending p) {
        // one column wide enough for the whole picture: spreadsheet programs and POI convert column
        // widths to pixels a little differently, and over ten narrow columns the error shows
        sheet.setColumnWidth(p.col(), (CHART_WIDTH_PX + 20) / 7 * 256);
        int idx = wb.addPicture(p.png(), Workbook.PICTURE_TYPE_PNG);
        ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
        anchor.setCol1(p.col());
        anchor.setRow1(p.row());
        anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
        // the picture's own size, scaled to about 600 pixels wide: never stretched to a cell range
        sheet.createDrawingPatriarch().createPicture(anchor, idx).resize(CHART_WIDTH_PX / (double) Charts.WIDTH);
    }

    /**
     * Headline figures under a caption: a label column, then one column per header; each cell has
     * its own kind, and a rate with a status is filled green, amber or red. The first summary's
     * header is frozen with the label column.
     */
    void summary(String caption, String note, List<String> headers, List<SummaryRow> rows) {
        captionAndNote(caption, note, headers.size());
        int headerRow = next;
        Row h = sheet.createRow(next++);
        int longest = 0;
        for (int i = 0; i < headers.size(); i++) {
            Cell c = h.createCell(i);
            c.setCellValue(SafeText.forCell(headers.get(i)));
            c.setCellStyle(i == 0 ? styles.header : styles.headerRight);
            fit(i, Math.min(headers.get(i).length(), i == 0 ? 24 : 12));
            longest = Math.max(longest, headers.get(i).length());
        }
        // wrapped titles get the lines they need (about 12 characters a line)
        h.setHeightInPoints(Math.max(30, 15 * (1 + longest / 12)));
        for (SummaryRow s : rows) {
            Row r = sheet.createRow(next++);
            Cell label = r.createCell(0);
            label.setCellValue(SafeText.forCell(s.label()));
            fit(0, s.label().length());
            for (int i = 0; i < s.cells().size(); i++) {
                SummaryRow.Cell v = s.cells().get(i);
                Cell c = r.createCell(i + 1);
                write(c, v.kind(), v.value(), false, i + 1);
                if (v.kind() == Kind.RATE && v.value() instanceof Number && v.status() != SummaryRow.Status.NONE) {
                    c.setCellStyle(styles.rate(v.status()));
                }
            }
        }
        if (first) {
            sheet.createFreezePane(1, headerRow + 1);
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            first = false;
        }
        next += 1;
    }

    /** Plain label/value rows (Definitions, parameters). */
    void pairs(String caption, List<String[]> rows, String left, String right) {
        Table t = new Table(caption, List.of(new ColumnSpec("name", left, Kind.TEXT), new ColumnSpec("value", right, Kind.TEXT)),
                rows.stream().map(r -> List.<Object>of(r[0], r[1])).toList());
        table(caption, t, null);
    }

    void finish() {
        for (int i = 0; i < widths.length; i++) {
            if (widths[i] > 0) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
        }
        pictures.forEach(this::place);
    }
}
