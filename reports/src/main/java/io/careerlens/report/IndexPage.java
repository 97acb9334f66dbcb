package io.careerlens.report;

import java.time.LocalDate;
import java.util.List;

/**
 * The pages of a run, opened from a shared drive with no server: index.html for the system (the
 * headline figures of the offices side by side, as published in the all-offices workbook, then the
 * charts) and offices/<id>.html for each office, which links only that office's workbook.
 * Every chart opens full size.
 */
final class IndexPage {
    private static final String STYLE = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<style>body{font-family:sans-serif;margin:2em;color:#222;max-width:1200px}"
            + "figure{display:inline-block;margin:0 1em 1em 0}img{border:1px solid #ccc;max-width:100%;height:auto}"
            + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px}td.n{text-align:right}"
            + "th{text-align:left;background:#eee}td.good{background:#c6efce}td.warn{background:#ffeb9c}"
            + "td.bad{background:#ffc7ce}h2{margin-top:1.5em}p.status{padding:.6em;border:1px solid #ccc}"
            + "p.ok{background:#e2f0d9}p.alert{background:#ffc7ce;font-weight:bold}</style>";

    private IndexPage() {
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String charts(String folder, String scope) {
        StringBuilder sb = new StringBuilder("<div class=\"charts\">");
        String[][] list = {{Charts.GROWTH, "Network growth"}, {Charts.FUNNEL, "Stage funnel by cohort"},
            {Charts.COMPLIANCE, "Follow-up compliance by rule"}, {Charts.ACTIVITIES, "Activities by year in program"}};
        for (String[] c : list) {
            String src = folder + c[0] + ".png";
            sb.append("<figure><a href=\"").append(src).append("\"><img src=\"").append(src).append("\" alt=\"")
                    .append(esc(c[1] + " — " + scope)).append("\" width=\"").append(Charts.WIDTH / 2).append("\" height=\"")
                    .append(Charts.HEIGHT / 2).append("\"></a><figcaption>").append(esc(c[1]))
                    .append(" (click for full size)</figcaption></figure>");
        }
        return sb.append("</div>").toString();
    }

    private static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">" + STYLE + "<title>" + esc(title)
                + "</title></head><body>\n<h1>" + esc(title) + "</h1>\n";
    }

    /** a cell of a published figure: a rate as a percentage with its status colour, a count, or "<N". */
    private static String cell(Object v, Kind kind, SummaryRow.Status status, int smallCell) {
        if (Suppression.isSuppressed(v)) {
            return "<td class=\"n\">&lt;" + smallCell + "</td>";
        }
        if (!(v instanceof Number n)) {
            return "<td></td>";
        }
        String cls = switch (status) {
            case GOOD -> "n good";
            case WARN -> "n warn";
            case BAD -> "n bad";
            default -> "n";
        };
        String text = kind == Kind.RATE ? String.format("%.1f%%", n.doubleValue() * 100) : String.format("%,d", n.longValue());
        return "<td class=\"" + cls + "\">" + text + "</td>";
    }

    /**
     * @param published the all-offices input after suppression: the page shows what the workbook shows
     * @param outcome   the run that wrote the page, or null (reports written without an ingest)
     */
    static String html(ReportInput published, RunOutcome outcome) {
        LocalDate m = Summary.lastCompleteMonth(published.asOf());
        StringBuilder sb = new StringBuilder(head("CareerLens — career networking report as of " + published.asOf()));
        sb.append(status(outcome));
        sb.append("<p><a href=\"all-offices.xlsx\">All offices workbook (aggregates only)</a></p>\n");
        sb.append("<h2>").append(esc(Summary.MONTH.format(m))).append(" (last complete month)</h2>\n<table><tr><th>Figure</th>");
        published.offices().forEach(o -> sb.append("<th>").append(esc(o.name())).append("</th>"));
        sb.append("<th>All offices</th></tr>\n");
        for (SummaryRow r : Summary.sideBySide(published, m, false)) {
            sb.append("<tr><td>").append(esc(r.label().strip())).append("</td>");
            r.cells().forEach(c -> sb.append(cell(c.value(), c.kind(), c.status(), published.smallCell())));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<h2>Offices: freshness and data quality</h2>\n<table><tr><th>Office</th><th>Latest export "
                + "received</th><th>Days since</th><th>Files quarantined or rejected (all exports)</th><th>Rows rejected</th>"
                + "<th>Time zone</th></tr>\n");
        Table quality = published.table(MetricTable.DATA_QUALITY_OFFICE);
        for (OfficeInfo o : published.offices()) {
            sb.append("<tr><td><a href=\"offices/").append(esc(o.id())).append(".html\">").append(esc(o.name()))
                    .append("</a></td><td>").append(o.latestExport() == null ? "none yet" : o.latestExport()).append("</td>");
            Object days = null;
            Object held = null;
            Object rejected = null;
            for (List<Object> r : quality.rows()) {
                if (o.id().equals(r.get(quality.index("office_id")))) {
                    days = value(quality, r, "days_since_export");
                    Object q = value(quality, r, "quarantined_files");
                    Object f = value(quality, r, "rejected_files");
                    held = Suppression.isSuppressed(q) || Suppression.isSuppressed(f) ? Suppression.SUPPRESSED
                            : q instanceof Number a && f instanceof Number b ? (Object) (a.longValue() + b.longValue()) : null;
                    rejected = value(quality, r, "rejected");
                }
            }
            sb.append(cell(o.latestExport() == null ? null : days, Kind.INT, SummaryRow.Status.NONE, published.smallCell()))
                    .append(cell(held, Kind.INT, SummaryRow.Status.NONE, published.smallCell()))
                    .append(cell(rejected, Kind.INT, SummaryRow.Status.NONE, published.smallCell()))
                    .append("<td>").append(esc(o.timezone())).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>Offices compared</h2>\n<div class=\"charts\">");
        String[][] grids = {{SmallMultiples.FUNNEL, "Stage funnel by office"}, {SmallMultiples.COMPLIANCE,
            "Follow-up compliance by office, 12 complete months"}};
        for (String[] g : grids) {
            String src = "charts/" + g[0] + ".png";
            sb.append("<figure><a href=\"").append(src).append("\"><img src=\"").append(src).append("\" alt=\"")
                    .append(esc(g[1])).append("\" width=\"").append(SmallMultiples.COLUMNS * SmallMultiples.PANEL_WIDTH / 2)
                    .append("\"></a><figcaption>").append(esc(g[1])).append(" (click for full size)</figcaption></figure>");
        }
        sb.append("</div>\n<h2>All offices</h2>\n").append(charts("charts/", "all offices")).append('\n');
        sb.append("<p>Every figure is defined on the Definitions sheet of each workbook.</p>\n</body></html>\n");
        return sb.toString();
    }

    private static Object value(Table t, List<Object> row, String column) {
        return t.has(column) ? row.get(t.index(column)) : null;
    }

    /** the run's status on top: its exit status in words, and each file it held back with the reason. */
    private static String status(RunOutcome outcome) {
        if (outcome == null) {
            return "<p class=\"status\">These reports were written from the warehouse by a report run, without an ingest.</p>\n";
        }
        StringBuilder sb = new StringBuilder("<p class=\"status ").append(outcome.exitStatus() == 0 ? "ok" : "alert")
                .append("\">").append(esc(outcome.sentence())).append("</p>\n");
        if (!outcome.heldBack().isEmpty()) {
            sb.append("<table><tr><th>File held back</th><th>Status</th><th>Reason</th></tr>\n");
            for (RunOutcome.HeldBack h : outcome.heldBack()) {
                sb.append("<tr><td>").append(esc(h.file())).append("</td><td>").append(esc(h.status().replace('_', ' ')))
                        .append("</td><td>").append(esc(h.reason())).append("</td></tr>\n");
            }
            sb.append("</table>\n");
        }
        return sb.toString();
    }

    /** offices/<id>.html: the office's charts and its own workbook only. */
    static String officeHtml(ReportInput office) {
        OfficeInfo o = office.office();
        StringBuilder sb = new StringBuilder(head(o.name() + " — career networking report as of " + office.asOf()));
        sb.append("<p><a href=\"").append(esc(o.id())).append(".xlsx\">").append(esc(o.name()))
                .append(" workbook</a> (confidential: student data). Latest export received: ")
                .append(o.latestExport() == null ? "none yet" : o.latestExport()).append(".</p>\n");
        sb.append(charts("../charts/" + esc(o.id()) + "/", o.name())).append('\n');
        sb.append("<p>Every figure is defined on the Definitions sheet of the workbook.</p>\n</body></html>\n");
        return sb.toString();
    }

    static List<String> pages(List<OfficeInfo> offices) {
        return offices.stream().map(o -> "offices/" + o.id() + ".html").toList();
    }
}
