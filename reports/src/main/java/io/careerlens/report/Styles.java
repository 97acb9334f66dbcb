package io.careerlens.report;

import java.util.EnumMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The cell styles of a workbook, created once (workbooks allow a limited number of styles). */
final class Styles {
    final CellStyle title;
    final CellStyle note;
    final CellStyle header;
    /** the header of a column of numbers: right-aligned like its figures. */
    final CellStyle headerRight;
    final CellStyle quoted;
    final CellStyle suppressed;
    final CellStyle wrap;
    /** a long note, wrapped over the width of the table it explains. */
    final CellStyle noteWrapped;
    private final Map<Kind, CellStyle> byKind = new EnumMap<>(Kind.class);
    private final Map<SummaryRow.Status, CellStyle> rateByStatus = new EnumMap<>(SummaryRow.Status.class);

    Styles(Workbook wb) {
        var df = wb.createDataFormat();
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        note = wb.createCellStyle();
        Font italic = wb.createFont();
        italic.setItalic(true);
        note.setFont(italic);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);
        headerRight = wb.createCellStyle();
        headerRight.cloneStyleFrom(header);
        headerRight.setAlignment(HorizontalAlignment.RIGHT);
        noteWrapped = wb.createCellStyle();
        noteWrapped.setFont(italic);
        noteWrapped.setWrapText(true);
        noteWrapped.setVerticalAlignment(VerticalAlignment.TOP);
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        quoted = wb.createCellStyle();
        quoted.setQuotePrefixed(true);
        suppressed = wb.createCellStyle();
        suppressed.setAlignment(HorizontalAlignment.RIGHT);
        String[] formats = {"@", "#,##0", "#,##0.00", "0.0%", "yyyy-mm-dd", "mmm yyyy", "General", "+#,##0;-#,##0;0",
            "+0.0\" pp\";-0.0\" pp\";0.0\" pp\""};
        Kind[] kinds = Kind.values();
        for (int i = 0; i < kinds.length; i++) {
            CellStyle s = wb.createCellStyle();
            s.setDataFormat(df.getFormat(formats[i]));
            byKind.put(kinds[i], s);
        }
        IndexedColors[] fills = {IndexedColors.LIGHT_GREEN, IndexedColors.LIGHT_YELLOW, IndexedColors.ROSE};
        SummaryRow.Status[] statuses = {SummaryRow.Status.GOOD, SummaryRow.Status.WARN, SummaryRow.Status.BAD};
        for (int i = 0; i < fills.length; i++) {
            CellStyle s = wb.createCellStyle();
            s.cloneStyleFrom(byKind.get(Kind.RATE));
            s.setFillForegroundColor(fills[i].getIndex());
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            rateByStatus.put(statuses[i], s);
        }
    }

    CellStyle of(Kind kind) {
        return byKind.get(kind);
    }

    /** a rate's style with its status fill (no fill for NONE). */
    CellStyle rate(SummaryRow.Status status) {
        return rateByStatus.getOrDefault(status, byKind.get(Kind.RATE));
    }
}
