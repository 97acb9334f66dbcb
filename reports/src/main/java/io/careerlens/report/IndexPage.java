package io.careerlens.report;

/** index.html of a run: the charts and links to the workbooks; opens from a shared drive, no server. */
final class IndexPage {
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
            sb.append("<figure><img src=\"").append(folder).append(c[0]).append(".png\" alt=\"").append(esc(c[1] + " — " + scope))
                    .append("\" width=\"").append(Charts.WIDTH / 2).append("\"><figcaption>").append(esc(c[1])).append("</figcaption></figure>");
        }
        return sb.append("</div>").toString();
    }

    static String html(ReportInput all) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>CareerLens report — ")
                .append(all.asOf()).append("</title>\n<style>body{font-family:sans-serif;margin:2em;color:#222}"
                        + "figure{display:inline-block;margin:0 1em 1em 0}img{border:1px solid #ccc}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + "h2{margin-top:1.5em}</style></head><body>\n");
        sb.append("<h1>CareerLens — career networking report as of ").append(all.asOf()).append("</h1>\n");
        sb.append("<p><a href=\"all-offices.xlsx\">All offices workbook (aggregates only)</a></p>\n");
        sb.append("<table><tr><th>Office</th><th>Workbook</th><th>Latest export received</th><th>Time zone</th></tr>\n");
        for (OfficeInfo o : all.offices()) {
            sb.append("<tr><td>").append(esc(o.name())).append("</td><td><a href=\"offices/").append(esc(o.id()))
                    .append(".xlsx\">").append(esc(o.id())).append(".xlsx</a></td><td>")
                    .append(o.latestExport() == null ? "none yet" : o.latestExport()).append("</td><td>")
                    .append(esc(o.timezone())).append("</td></tr>\n");
        }
        sb.append("</table>\n<h2>All offices</h2>\n").append(charts("charts/", "all offices")).append('\n');
        for (OfficeInfo o : all.offices()) {
            sb.append("<h2>").append(esc(o.name())).append("</h2>\n").append(charts("charts/" + esc(o.id()) + "/", o.name()))
                    .append('\n');
        }
        sb.append("<p>Every figure is defined on the Definitions sheet of each workbook.</p>\n</body></html>\n");
        return sb.toString();
    }
}
