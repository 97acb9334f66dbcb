package io.careerlens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
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

    public static void write(ReportInput in, Map<String, byte[]> charts, Path file) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Styles styles = new Styles(wb);
            String scope = in.systemWide() ? "All offices" : in.office().name();
            Map<String, Integer> officeStudents = new HashMap<>();
            in.offices().forEach(o -> officeStudents.put(o.id(), Summary.students(in, o.id())));

            SheetWriter s = sheet(wb, "Summary", styles, in);
            s.title(scope + " — career networking report as of " + in.asOf(), freshness(in));
            LocalDate month = in.asOf().withDayOfMonth(1);
            if (in.systemWide()) {
                List<String> headers = new ArrayList<>(List.of("Figure"));
                in.offices().forEach(o -> headers.add(o.name()));
                s.summary(headers, Summary.sideBySide(in));
            } else {
                s.summary(List.of("Figure", MONTH.format(month) + " (to " + in.asOf() + ")",
                        MONTH.format(month.minusMonths(1)), "Change"), Summary.forOffice(in, in.office().id()));
            }
            s.finish();

            s = sheet(wb, "Growth", styles, in);
            table(s, in, officeStudents, "Network growth per month", "network_growth_monthly", charts.get(Charts.GROWTH));
            table(s, in, officeStudents, "Event yield by event type", "event_yield", null);
            if (!in.systemWide()) {
                s.table("Students: network as of " + in.asOf(), in.table("student_network"), null, null);
            }
            s.finish();

            s = sheet(wb, "Stages", styles, in);
            table(s, in, officeStudents, "Stage funnel by cohort and program", "stage_funnel", charts.get(Charts.FUNNEL));
            table(s, in, officeStudents, "Activities by year in program and stage", "activities_by_year_stage",
                    charts.get(Charts.ACTIVITIES));
            if (!in.systemWide()) {
                s.table("Students entering each stage, by month", in.table("stage_entries_monthly"), null, null);
                s.table("Students: stage as of " + in.asOf(), in.table("student_stage"), null, null);
            }
            s.finish();

            s = sheet(wb, "Follow-up", styles, in);
            table(s, in, officeStudents, "Follow-up compliance by rule and month", "followup_compliance_monthly",
                    charts.get(Charts.COMPLIANCE));
            if (!in.systemWide()) {
                s.table("Compliance by counselor", in.table("followup_by_counselor"), null, null);
                s.table("Compliance by cohort", in.table("followup_by_cohort"), null, null);
            }
            s.finish();

            if (!in.systemWide()) {
                s = sheet(wb, "Action list", styles, in);
                s.table("Follow-ups to make now, most urgent first", in.table("action_list"), null, null);
                s.finish();
            }

            s = sheet(wb, "Data quality", styles, in);
            table(s, in, officeStudents, "Freshness and data quality by office", "data_quality_office", null);
            s.table("Files received", in.table("data_quality"), null, null);
            s.finish();

            s = sheet(wb, "Definitions", styles, in);
            s.pairs("What each figure means", Definitions.TERMS, "Term", "Meaning");
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

    /**
     * Small-cell suppression applies to the all-offices workbook only: a row's population is its
     * own students column when it has one, else its office's student count.
     */
    private static ToIntFunction<List<Object>> population(ReportInput in, Table t, Map<String, Integer> officeStudents) {
        if (!in.systemWide()) {
            return null;
        }
        if (t.has("students")) {
            int i = t.index("students");
            return r -> r.get(i) instanceof Number n ? n.intValue() : 0;
        }
        int o = t.index("office_id");
        return r -> officeStudents.getOrDefault((String) r.get(o), 0);
    }

    private static void table(SheetWriter s, ReportInput in, Map<String, Integer> officeStudents, String caption,
                              String name, byte[] chart) {
        Table t = in.table(name);
        s.table(caption, t, population(in, t, officeStudents), chart);
    }
}
