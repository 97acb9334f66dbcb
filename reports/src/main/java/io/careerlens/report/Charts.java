package io.careerlens.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The four charts of SPEC 3.2, built from report tables. Colours differ in lightness and lines
 * differ in dash pattern and marker, so the charts still read when printed in grey.
 */
public final class Charts {
    public static final String GROWTH = "network-growth";
    public static final String FUNNEL = "stage-funnel";
    public static final String COMPLIANCE = "compliance";
    public static final String ACTIVITIES = "activities-by-year";
    public static final int WIDTH = 900;
    public static final int HEIGHT = 480;

    private static final Paint[] PAINTS = {new Color(0x1f3b73), new Color(0xe69f00), new Color(0x9ecae1),
        new Color(0x4d4d4d)};
    private static final float[][] DASHES = {null, {8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}};

    private Charts() {
    }

    /** All four charts, by file name (without .png), for the offices in the tables. */
    public static Map<String, JFreeChart> all(ReportInput input, String scope) {
        ReportInput in = Suppression.publish(input); // pooled from published figures only
        Map<String, JFreeChart> m = new java.util.LinkedHashMap<>();
        m.put(GROWTH, growth(in.table(MetricTable.NETWORK_GROWTH_MONTHLY), scope));
        m.put(FUNNEL, funnel(in.table(MetricTable.STAGE_FUNNEL), scope));
        m.put(COMPLIANCE, compliance(in.table(MetricTable.COMPLIANCE_MONTHLY), scope, in));
        m.put(ACTIVITIES, activities(in.table(MetricTable.ACTIVITIES_BY_YEAR), scope));
        if (in.systemWide()) {
            m.values().forEach(c -> c.addSubtitle(new TextTitle("Built from the figures shown: groups of fewer than "
                    + in.smallCell() + " students are left out (small-cell suppression)")));
        }
        return m;
    }

    public static byte[] png(JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String month(Object v) {
        return v instanceof LocalDate d ? d.toString().substring(0, 7) : String.valueOf(v);
    }

    /** a cell's value for a pooled figure: suppressed and empty cells add nothing. */
    private static double num(Object v) {
        return v instanceof Number n ? n.doubleValue() : 0;
    }

    /** Contacts added per month (bars) and network size at the month's end (line), summed over offices. */
    public static JFreeChart growth(Table monthly, String scope) {
        int m = monthly.index("month");
        int added = monthly.index("contacts_added");
        int size = monthly.index("network_size");
        Map<String, double[]> byMonth = new TreeMap<>();
        for (List<Object> r : monthly.rows()) {
            double[] v = byMonth.computeIfAbsent(month(r.get(m)), k -> new double[2]);
            v[0] += num(r.get(added));
            v[1] += num(r.get(size));
        }
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset line = new DefaultCategoryDataset();
        byMonth.forEach((k, v) -> {
            bars.addValue(v[0], "Contacts added in the month", k);
            line.addValue(v[1], "Network size at month end", k);
        });
        CategoryPlot plot = new CategoryPlot(bars, categoryAxis("Month"), numberAxis("Contacts added (per month)"), barRenderer(false));
        plot.setDataset(1, line);
        plot.setRangeAxis(1, numberAxis("Network size (contacts)"));
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer lr = lineRenderer();
        lr.setSeriesPaint(0, PAINTS[1]);
        plot.setRenderer(1, lr);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return chart("Network growth — " + scope, "Contacts added per month (bars) and network size (line)", plot);
    }

    /** Students who reached each stage, by cohort. */
    public static JFreeChart funnel(Table funnel, String scope) {
        int cohort = funnel.index("cohort");
        Map<String, double[]> byCohort = new TreeMap<>();
        String[] cols = {"students", "reached_exposure", "reached_immersion", "reached_connection"};
        int[] idx = new int[cols.length];
        for (int i = 0; i < cols.length; i++) {
            idx[i] = funnel.index(cols[i]);
        }
        for (List<Object> r : funnel.rows()) {
            double[] v = byCohort.computeIfAbsent("Cohort " + r.get(cohort), k -> new double[cols.length]);
            for (int i = 0; i < cols.length; i++) {
                v[i] += r.get(idx[i]) instanceof Number n ? n.doubleValue() : 0;
            }
        }
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        String[] labels = {"Students", "Reached Exposure", "Reached Immersion", "Reached Connection"};
        byCohort.forEach((k, v) -> {
            for (int i = 0; i < labels.length; i++) {
                ds.addValue(v[i], labels[i], k);
            }
        });
        CategoryPlot plot = new CategoryPlot(ds, categoryAxis("Cohort (year of program start)"), numberAxis("Students"),
                barRenderer(false));
        return chart("Stage funnel by cohort — " + scope, "Students in the cohort and how many reached each stage", plot);
    }

    /**
     * Compliance per rule by month, on a 0..100% axis with the good and warning thresholds drawn
     * as bands; a month with no item judged leaves a gap (no line drawn across it), and D's month,
     * when still running, is labelled partial.
     */
    public static JFreeChart compliance(Table monthly, String scope, ReportInput in) {
        int rule = monthly.index("rule");
        int m = monthly.index("month");
        int met = monthly.index("met");
        int missed = monthly.index("missed");
        Map<String, Map<String, double[]>> byRule = new TreeMap<>();
        for (List<Object> r : monthly.rows()) {
            double[] v = byRule.computeIfAbsent((String) r.get(rule), k -> new TreeMap<>())
                    .computeIfAbsent(month(r.get(m)), k -> new double[2]);
            v[0] += r.get(met) instanceof Number n ? n.doubleValue() : 0;
            v[1] += r.get(missed) instanceof Number n ? n.doubleValue() : 0;
        }
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        SparseMarkers renderer = lineRenderer();
        java.util.SortedSet<String> months = new java.util.TreeSet<>();
        byRule.values().forEach(x -> months.addAll(x.keySet()));
        String running = Summary.partial(in.asOf()) ? month(in.asOf().withDayOfMonth(1)) : null;
        for (var e : byRule.entrySet()) {
            String name = Summary.RULE_NAMES.getOrDefault(e.getKey(), e.getKey());
            for (String month : months) {
                double[] v = e.getValue().get(month);
                String column = month.equals(running) ? month + " (partial)" : month;
                ds.addValue(v == null || v[0] + v[1] == 0 ? null : 100 * v[0] / (v[0] + v[1]), name, column);
                if (v != null && v[0] + v[1] > 0 && v[0] + v[1] < FEW_ITEMS) {
                    renderer.sparse(name, column);
                }
            }
        }
        NumberAxis y = numberAxis("Compliance (% met of met + missed)");
        y.setRange(0, 100);
        CategoryPlot plot = new CategoryPlot(ds, categoryAxis("Month (of the due date)"), y, renderer);
        bands(plot, in);
        double good = 100 * in.complianceGood();
        double warn = 100 * in.complianceWarn();
        return chart("Follow-up compliance by rule — " + scope, "Share of items met, by month; bands: good from "
                + Math.round(good) + "%, warning below " + Math.round(good) + "%, poor below " + Math.round(warn)
                + "%; hollow markers: fewer than " + FEW_ITEMS + " items judged", plot);
    }

    /** the good, warning and poor bands of compliance, behind the lines of a 0..100 plot. */
    static void bands(CategoryPlot plot, ReportInput in) {
        double good = 100 * in.complianceGood();
        double warn = 100 * in.complianceWarn();
        plot.addRangeMarker(band(good, 100, new java.awt.Color(198, 239, 206)), org.jfree.chart.ui.Layer.BACKGROUND);
        plot.addRangeMarker(band(warn, good, new java.awt.Color(255, 235, 156)), org.jfree.chart.ui.Layer.BACKGROUND);
        plot.addRangeMarker(band(0, warn, new java.awt.Color(255, 199, 206)), org.jfree.chart.ui.Layer.BACKGROUND);
    }

    private static org.jfree.chart.plot.IntervalMarker band(double from, double to, java.awt.Color colour) {
        org.jfree.chart.plot.IntervalMarker band = new org.jfree.chart.plot.IntervalMarker(from, to);
        band.setPaint(colour);
        band.setAlpha(0.5f);
        return band;
    }

    /** Stage-bearing activities by year in program, stacked by stage. */
    public static JFreeChart activities(Table table, String scope) {
        int year = table.index("year_in_program");
        int stage = table.index("stage");
        int n = table.index("activities");
        DefaultCategoryDataset ds = new DefaultCategoryDataset();
        Map<Integer, Map<String, Double>> byYear = new TreeMap<>();
        for (List<Object> r : table.rows()) {
            byYear.computeIfAbsent(((Number) r.get(year)).intValue(), k -> new TreeMap<>())
                    .merge((String) r.get(stage), num(r.get(n)), Double::sum);
        }
        for (String s : List.of("exposure", "immersion", "connection")) {
            byYear.forEach((y, v) -> ds.addValue(v.getOrDefault(s, 0.0), Character.toUpperCase(s.charAt(0)) + s.substring(1),
                    "Year " + y));
        }
        CategoryPlot plot = new CategoryPlot(ds, categoryAxis("Year in program"), numberAxis("Activities"), barRenderer(true));
        return chart("Activities by year in program and stage — " + scope, "Stage-bearing activities, stacked by stage", plot);
    }

    static CategoryAxis categoryAxis(String label) {
        CategoryAxis a = new CategoryAxis(label);
        a.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        a.setMaximumCategoryLabelLines(2);
        return a;
    }

    static NumberAxis numberAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        a.setAutoRangeIncludesZero(true);
        return a;
    }

    static BarRenderer barRenderer(boolean stacked) {
        BarRenderer r = stacked ? new StackedBarRenderer() : new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(true);
        for (int i = 0; i < PAINTS.length; i++) {
            r.setSeriesPaint(i, PAINTS[i]);
            r.setSeriesOutlinePaint(i, Color.BLACK);
        }
        r.setItemMargin(0.05);
        return r;
    }

    /**
     * A line renderer whose marker is hollow where the point rests on fewer than {@link #FEW_ITEMS}
     * items: a rate of 1 of 2 reads as what it is.
     */
    static final class SparseMarkers extends LineAndShapeRenderer {
        private final java.util.Set<List<Comparable<?>>> sparse = new java.util.HashSet<>();

        SparseMarkers() {
            super(true, true);
        }

        void sparse(Comparable<?> row, Comparable<?> column) {
            sparse.add(List.of(row, column));
        }

        boolean isSparse(Comparable<?> row, Comparable<?> column) {
            return sparse.contains(List.of(row, column));
        }

        @Override
        public boolean getItemShapeFilled(int row, int column) {
            var ds = getPlot() == null ? null : getPlot().getDataset(getPlot().getIndexOf(this));
            return ds == null || !isSparse(ds.getRowKey(row), ds.getColumnKey(column));
        }

        @Override
        public boolean equals(Object o) {
            return super.equals(o) && o instanceof SparseMarkers m && sparse.equals(m.sparse);
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }

    /** a compliance point judged on fewer items than this is drawn hollow. */
    public static final int FEW_ITEMS = 5;
    static final java.time.format.DateTimeFormatter SHORT_MONTH =
            java.time.format.DateTimeFormatter.ofPattern("MMM yy", java.util.Locale.ENGLISH);

    static SparseMarkers lineRenderer() {
        SparseMarkers r = new SparseMarkers();
        // shapes fixed per series, so a rule keeps its marker in every chart and panel whatever is drawn first
        java.awt.Shape[] shapes = org.jfree.chart.plot.DefaultDrawingSupplier.createStandardSeriesShapes();
        for (int i = 0; i < PAINTS.length; i++) {
            r.setSeriesShape(i, shapes[i]);
            r.setSeriesPaint(i, i == 2 ? new Color(0x3a7dbf) : PAINTS[i]);
            r.setSeriesStroke(i, DASHES[i] == null ? new BasicStroke(2.5f)
                    : new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, DASHES[i], 0f));
        }
        return r;
    }

    private static JFreeChart chart(String title, String subtitle, CategoryPlot plot) {
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xbbbbbb));
        plot.setNoDataMessage("No data yet for this period");
        JFreeChart c = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        c.addSubtitle(new TextTitle(subtitle));
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        return c;
    }
}
