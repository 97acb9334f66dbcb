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
        write(input, null, charts, file);
    }

    /**
     * @param system for an office workbook, the all-offices input (before suppression): its Summary
     *               then shows the system's figure beside the office's, as the all-offices workbook
     *               publishes it; null for none
     */
    public static void write(ReportInput input, ReportInput system, Map<String, byte[]> charts, Path file)
            throws IOException {
        ReportInput in = Suppression.publish(input);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            wb.setCompressTempFiles(true);
            Styles styles = new Styles(wb);
            String scope = in.systemWide() ? "All offices" : in.office().name();

            SheetWriter s = sheet(wb, "Summary", styles, in);
            s.title(scope + " — career networking report as of " + in.asOf(), freshness(in));
            summary(s, in, input, system);
            s.finish();

            // one table per sheet: its header is frozen, filtered and repeated on every printed page
            boolean office = !in.systemWide();
            if (!office) {
                single(wb, styles, in, "Offices compared", "Stage funnel by office as of " + in.asOf(),
                        Summary.officesFunnel(in, input.table(MetricTable.STAGE_FUNNEL)), charts.get(SmallMultiples.FUNNEL));
                LocalDate m = Summary.lastCompleteMonth(in.asOf());
                single(wb, styles, in, "Compliance by office", "Follow-up compliance by office, " + MONTH.format(m)
                        + " (last complete month)", Summary.officesCompliance(in, m), charts.get(SmallMultiples.COMPLIANCE));
            }
            single(wb, styles, in, "Growth", "Network growth per month", in.table(MetricTable.NETWORK_GROWTH_MONTHLY),
                    charts.get(Charts.GROWTH));
            single(wb, styles, in, "Event yield", "Event yield by event type", in.table(MetricTable.EVENT_YIELD), null);
            if (office) {
                single(wb, styles, in, "Student networks", "Students: network as of " + in.asOf(),
                        notes(in, FigureNotes.PRIORITY, FigureNotes.MENTORS), in.table(MetricTable.STUDENT_NETWORK), null);
            }
            single(wb, styles, in, "Stages", "Stage funnel by cohort and program", notes(in, FigureNotes.HISTORY),
                    in.table(MetricTable.STAGE_FUNNEL), charts.get(Charts.FUNNEL));
            single(wb, styles, in, "Activities by year", "Activities by year in program and stage",
                    in.table(MetricTable.ACTIVITIES_BY_YEAR), charts.get(Charts.ACTIVITIES));
            if (office) {
                single(wb, styles, in, "Stage entries", "Students entering each stage, by month",
                        in.table(MetricTable.STAGE_ENTRIES_MONTHLY), null);
                single(wb, styles, in, "Student stages", "Students: stage as of " + in.asOf(),
                        in.table(MetricTable.STUDENT_STAGE), null);
                SheetWriter d = sheet(wb, "Departments", styles, in);
                d.table("Stage funnel by department as of " + in.asOf(), "Students of each department, how many ever "
                        + "reached each stage, where they are now, and how many are stalled or inactive. A blank "
                        + "department: the export gave none for those students.",
                        in.table(MetricTable.STAGE_FUNNEL_BY_DEPARTMENT).without("office_id"), null);
                d.finish();
            }
            single(wb, styles, in, "Follow-up", "Follow-up compliance by rule and month",
                    in.table(MetricTable.COMPLIANCE_MONTHLY), charts.get(Charts.COMPLIANCE));
            if (office) {
                single(wb, styles, in, "By counselor", "Compliance by counselor", in.table(MetricTable.COMPLIANCE_BY_COUNSELOR),
                        null);
                single(wb, styles, in, "By cohort", "Compliance by cohort", in.table(MetricTable.COMPLIANCE_BY_COHORT), null);
                SheetWriter b = sheet(wb, "By student", styles, in);
                b.table("Compliance by student and rule", "Items met, missed, still pending and not evaluable per "
                        + "student and rule, over all the items due up to " + in.asOf() + ": who needs a word about "
                        + "following up.", in.table(MetricTable.COMPLIANCE_BY_STUDENT).without("office_id"), null);
                b.finish();
                single(wb, styles, in, "Caseload", "Caseload by counselor as of " + in.asOf(),
                        in.table(MetricTable.CASELOAD), null);
                worklist(wb, styles, in);
            }
            single(wb, styles, in, "Data quality", "Freshness and data quality by office",
                    in.table(MetricTable.DATA_QUALITY_OFFICE), null);
            single(wb, styles, in, "Files received", "Files received", in.table(MetricTable.DATA_QUALITY), null);
            if (office) {
                SheetWriter r = sheet(wb, "Rejected lines", styles, in);
                r.table("Rejected lines of the recent exports, by file and reason", "Exports of the " + MetricTable.REJECTED_LINES_DAYS + " days up to "
                        + in.asOf() + ": how many rows each file lost and why, its first rejected lines (up to 10) and "
                        + "what to fix in the export. Personal values are never shown.",
                        in.table(MetricTable.REJECTED_LINES).without("office_id"), null);
                r.finish();
            }

            List<String[]> terms = new ArrayList<>(Definitions.TERMS);
            if (in.systemWide()) {
                terms.add(0, new String[] {"Small-cell suppression (<" + in.smallCell() + ")",
                    Suppression.explanation(in.smallCell())});
            }
            s = sheet(wb, "Definitions", styles, in);
            s.pairs("What each figure means", terms, "Term", "Meaning");
            s.finish();
            List<String[]> params = new ArrayList<>();
            in.parameters().forEach((k, v) -> params.add(new String[] {k, String.valueOf(v)}));
            s = sheet(wb, "Parameters", styles, in);
            s.pairs("Parameters in force", params, "Parameter", "Value");
            s.finish();

            properties(wb, scope, in);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            wb.dispose();
        }
    }

    /**
     * The Summary sheet: complete months compared (named in the captions), D's month so far apart,
     * then the figures as of D. All offices: side by side with a pooled column; an office: month by
     * month with a 12-month trend.
     */
    private static void summary(SheetWriter s, ReportInput in, ReportInput unsuppressed, ReportInput system) {
        LocalDate m = Summary.lastCompleteMonth(in.asOf());
        String colours = "Compliance is green at " + pct(in.complianceGood()) + " or more, amber from "
                + pct(in.complianceWarn()) + ", red below; blank when no item was judged. Changes of rates are in "
                + "percentage points (pp).";
        if (in.systemWide()) {
            List<String> headers = new ArrayList<>(List.of("Figure"));
            in.offices().forEach(o -> headers.add(o.name()));
            headers.add("All offices (pooled from the figures shown)");
            s.summary(MONTH.format(m) + " (last complete month) against " + MONTH.format(m.minusMonths(1)), colours,
                    headers, Summary.sideBySide(in, m, true));
            if (Summary.partial(in.asOf())) {
                s.summary(MONTH.format(in.asOf()) + " to date (partial month, to " + in.asOf() + ")",
                        "Not comparable with complete months.", headers, Summary.sideBySide(in, in.asOf().withDayOfMonth(1), false));
            }
            s.summary("Students as of " + in.asOf(), "Counts, and shares of each office's students. \"Reached\" counts "
                    + "everyone who ever entered a stage (stages are sequential), \"In\" where they are now.", headers,
                    Summary.snapshotSideBySide(in, unsuppressed.table(MetricTable.STAGE_FUNNEL)));
            s.summary("All offices, month by month: the 12 complete months to " + MONTH.format(m)
                    + (Summary.partial(in.asOf()) ? ", " + MONTH.format(in.asOf()) + " so far apart" : ""),
                    "Pooled from the figures shown above (offices under the small-cell threshold add nothing). "
                    + colours, Summary.officeMonthHeaders(in.asOf(), false), Summary.systemByMonth(in));
        } else {
            s.summary("Month by month: " + MONTH.format(m) + " (last complete month) against " + MONTH.format(m.minusMonths(1))
                    + (Summary.partial(in.asOf()) ? "; " + MONTH.format(in.asOf()) + " so far apart" : ""),
                    colours + (system == null ? "" : " \"All offices\" is the system's figure, pooled from the figures the "
                    + "all-offices workbook shows.") + " The last 12 columns are the trend over the 12 complete months.",
                    Summary.officeMonthHeaders(in.asOf(), system != null),
                    Summary.forOffice(in, in.office().id(), system == null ? null : Suppression.publish(system)));
            s.summary("Students as of " + in.asOf(), null, Summary.officeSnapshotHeaders(system != null),
                    Summary.officeSnapshot(in, in.office().id(), system));
        }
        List<String[]> notes = allNotes(in);
        if (!notes.isEmpty()) {
            s.title("Notes on the figures", null);
            int width = in.systemWide() ? in.offices().size() + 2 : Summary.officeMonthHeaders(in.asOf(), system != null).size();
            notes.forEach(n -> s.paragraph(n[0] + ": " + n[1], width));
        }
    }

    private static String pct(double v) {
        return Math.round(v * 1000) / 10.0 + "%";
    }

    private static SheetWriter sheet(SXSSFWorkbook wb, String name, Styles styles, ReportInput in) {
        SXSSFSheet sheet = wb.createSheet(name);
        return new SheetWriter(wb, sheet, styles, in);
    }

    private static void single(SXSSFWorkbook wb, Styles styles, ReportInput in, String sheet, String caption, Table table,
                               byte[] chart) {
        single(wb, styles, in, sheet, caption, null, table, chart);
    }

    private static void single(SXSSFWorkbook wb, Styles styles, ReportInput in, String sheet, String caption, String note,
                               Table table, byte[] chart) {
        SheetWriter s = sheet(wb, sheet, styles, in);
        s.table(caption, note, table, chart);
        s.finish();
    }

    /** the notes about these figures: the office's, or in the all-offices workbook each office's by name; null: none. */
    private static String notes(ReportInput in, String... topics) {
        if (!in.systemWide()) {
            return FigureNotes.about(in, in.office().id(), topics);
        }
        List<String> out = new ArrayList<>();
        for (OfficeInfo o : in.offices()) {
            String n = FigureNotes.about(in, o.id(), topics);
            if (n != null) {
                out.add(o.name() + ": " + n);
            }
        }
        return out.isEmpty() ? null : String.join(" ", out);
    }

    /** every note of the workbook's offices, as (about, note) rows of the Summary. */
    private static List<String[]> allNotes(ReportInput in) {
        List<String[]> rows = new ArrayList<>();
        for (OfficeInfo o : in.systemWide() ? in.offices() : List.of(in.office())) {
            for (String[] n : FigureNotes.forOffice(in, o.id())) {
                rows.add(new String[] {in.systemWide() ? o.name() + ": " + n[0] : n[0], n[1]});
            }
        }
        return rows;
    }

    /**
     * The action list as a worklist: one row per student and contact with all its reasons, each
     * counselor's rows together, longest past due first; the backlog on its own sheet.
     */
    private static void worklist(SXSSFWorkbook wb, Styles styles, ReportInput in) {
        Object backlogDays = in.parameters().getOrDefault("rules.backlog_days", 90);
        Table work = in.table(MetricTable.WORKLIST).without("office_id", "contact_id", "organization");
        String order = "One row per student and contact, with every open reason. Each counselor's rows are together, "
                + "ordered by days past due (for keep-warm: days since the last touch plus the contact's cadence), "
                + "longest first. ";
        SheetWriter s = sheet(wb, "Action list", styles, in);
        s.table("Follow-ups to make, by counselor", order + "Rows more than " + backlogDays
                + " days past due are on the Backlog sheet.", work.streamWhere("backlog", false).without("backlog"), null);
        s.finish();
        s = sheet(wb, "Backlog", styles, in);
        s.table("Backlog: more than " + backlogDays + " days past due", order + "Worth a clean-up: many of these "
                + "contacts may need a fresh start rather than a follow-up.", work.streamWhere("backlog", true)
                .without("backlog"), null);
        s.finish();
    }

    /** title, author and subject, as a file browser or a document system shows them. */
    private static void properties(SXSSFWorkbook wb, String scope, ReportInput in) {
        var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
        core.setTitle(scope + " — career networking report as of " + in.asOf());
        core.setCreator("CareerLens");
        core.setSubjectProperty(in.systemWide() ? "Aggregates only; small cells suppressed"
                : "Confidential: student data of " + in.office().name());
        core.setKeywords("career networking, " + in.asOf());
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

}
