package io.careerlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one workbook (SPEC 3.2): Summary, Growth, Stages, Follow-up, Action list (office
 * workbooks only), Data quality, Definitions. POI's streaming workbook keeps only a window of rows
 * in memory, so a long action list does not exhaust the heap.
 */
public final class WorkbookWriter {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private WorkbookWriter() {
    }

    public static void write(ReportInput input, Map<String, byte[]> charts, Path file) throws IOException {
        ReportInput in = Suppression.publish(input);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Styles styles = new Styles(wb);
            String scope = in.systemWide() ? "All offices" : in.office().name();

            SheetWriter s = sheet(wb, "Summary", styles, in);
            s.title(scope + " — career networking report as of " + in.asOf(), freshness(in));
            LocalDate month = in.asOf().withDayOfMonth(1);
            if (in.systemWide()) {
                List<String> headers = new ArrayList<>(List.of("Figure"));
                in.offices().forEach(o -> headers.add(o.name()));
                s.summary(headers, Summary.sideBySide(in, input.table(MetricTable.STAGE_FUNNEL)));
            } else {
                s.summary(List.of("Figure", MONTH.format(month) + " (to " + in.asOf() + ")",
                        MONTH.format(month.minusMonths(1)), "Change"), Summary.forOffice(in, in.office().id()));
            }
            s.finish();

            s = sheet(wb, "Growth", styles, in);
            table(s, in, "Network growth per month", MetricTable.NETWORK_GROWTH_MONTHLY, charts.get(Charts.GROWTH));
            table(s, in, "Event yield by event type", MetricTable.EVENT_YIELD, null);
            if (!in.systemWide()) {
                s.table("Students: network as of " + in.asOf(), in.table(MetricTable.STUDENT_NETWORK), null);
            }
            s.finish();

            s = sheet(wb, "Stages", styles, in);
            table(s, in, "Stage funnel by cohort and program", MetricTable.STAGE_FUNNEL, charts.get(Charts.FUNNEL));
            table(s, in, "Activities by year in program and stage", MetricTable.ACTIVITIES_BY_YEAR,
                    charts.get(Charts.ACTIVITIES));
            if (!in.systemWide()) {
                s.table("Students entering each stage, by month", in.table(MetricTable.STAGE_ENTRIES_MONTHLY), null);
                s.table("Students: stage as of " + in.asOf(), in.table(MetricTable.STUDENT_STAGE), null);
            }
            s.finish();

            s = sheet(wb, "Follow-up", styles, in);
            table(s, in, "Follow-up compliance by rule and month", MetricTable.COMPLIANCE_MONTHLY,
                    charts.get(Charts.COMPLIANCE));
            if (!in.systemWide()) {
                s.table("Compliance by counselor", in.table(MetricTable.COMPLIANCE_BY_COUNSELOR), null);
                s.table("Compliance by cohort", in.table(MetricTable.COMPLIANCE_BY_COHORT), null);
            }
            s.finish();

            if (!in.systemWide()) {
                s = sheet(wb, "Action list", styles, in);
                s.table("Follow-ups to make now, most urgent first", in.table(MetricTable.ACTION_LIST), null);
                s.finish();
            }

            s = sheet(wb, "Data quality", styles, in);
            table(s, in, "Freshness and data quality by office", MetricTable.DATA_QUALITY_OFFICE, null);
            s.table("Files received", in.table(MetricTable.DATA_QUALITY), null);
            s.finish();

            s = sheet(wb, "Definitions", styles, in);
            List<String[]> terms = new ArrayList<>(Definitions.TERMS);
            if (in.systemWide()) {
                terms.add(0, new String[] {"Small-cell suppression (<" + in.smallCell() + ")",
                    Suppression.explanation(in.smallCell())});
            }
            s.pairs("What each figure means", terms, "Term", "Meaning");
            List<String[]> params = new ArrayList<>();
            in.parameters().forEach((k, v) -> params.add(new String[] {k, String.valueOf(v)}));
            s.pairs("Parameters in force", params, "Parameter", "Value");
            s.finish();

            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
    }

    private static SheetWriter sheet(SXSSFWorkbook wb, String name, Styles styles, ReportInput in) {
        SXSSFSheet sheet = wb.createSheet(name);
        return new SheetWriter(wb, sheet, styles, in);
    }

    private static String freshness(ReportInput in) {
        StringBuilder sb = new StringBuilder("Latest export received: ");
        List<OfficeInfo> offices = in.systemWide() ? in.offices() : List.of(in.office());
        for (int i = 0; i < offices.size(); i++) {
            OfficeInfo o = offices.get(i);
            sb.append(i == 0 ? "" : "; ").append(in.systemWide() ? o.name() + " " : "")
                    .append(o.latestExport() == null ? "none yet" : o.latestExport().toString());
        }
        return sb.append(". Times are in each office's zone.").toString();
    }

    private static void table(SheetWriter s, ReportInput in, String caption, MetricTable metric, byte[] chart) {
        s.table(caption, in.table(metric), chart);
    }
}
