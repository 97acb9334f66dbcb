package io.careerlens.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The all-offices comparisons: one small panel per office, every panel on the same scale, so a
 * director compares offices at a glance. Built from the figures the all-offices workbook shows:
 * an office under the small-cell threshold gets an empty panel that says why.
 */
public final class SmallMultiples {
    public static final String FUNNEL = "offices-funnel";
    public static final String COMPLIANCE = "offices-compliance";
    public static final int PANEL_WIDTH = 450;
    public static final int PANEL_HEIGHT = 300;
    public static final int COLUMNS = 2;
    private static final int TITLE_HEIGHT = 56;
    private static final int LEGEND_HEIGHT = 44;
    /** the stage counts of the funnel panels, in funnel order. */
    static final String[] FUNNEL_FIGURES = {"Students", "Reached Exposure (ever)", "Reached Immersion (ever)",
        "Reached Connection (ever)"};

    private SmallMultiples() {
    }

    /**
     * Both grids as PNG, by file name (without .png).
     *
     * @param input the all-offices input before suppression (the office-wide stage counts come from
     *              it, as on the Summary; each office is shown or hidden as a whole)
     */
    public static Map<String, byte[]> all(ReportInput input) {
        ReportInput published = Suppression.publish(input);
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put(FUNNEL, png(funnel(published, input.table(MetricTable.STAGE_FUNNEL))));
        m.put(COMPLIANCE, png(compliance(published)));
        return m;
    }

    /** Per office: its students and how many reached each stage, as of D. */
    static Grid funnel(ReportInput published, Table rawFunnel) {
        List<JFreeChart> panels = new ArrayList<>();
        double max = 1;
        List<DefaultCategoryDataset> data = new ArrayList<>();
        for (OfficeInfo o : published.offices()) {
            DefaultCategoryDataset ds = new DefaultCategoryDataset();
            if (Summary.students(published, o.id()) >= published.smallCell()) {
                for (Summary.Snapshot s : Summary.snapshot(published, rawFunnel, o.id())) {
                    if (List.of(FUNNEL_FIGURES).contains(s.label()) && s.value() instanceof Number n) {
                        ds.addValue(n.doubleValue(), "Students", s.label().replace(" (ever)", ""));
                        max = Math.max(max, n.doubleValue());
                    }
                }
            }
            data.add(ds);
        }
        for (int i = 0; i < data.size(); i++) {
            BarRenderer bars = Charts.barRenderer(false);
            bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
            bars.setDefaultItemLabelsVisible(true);
            CategoryPlot plot = new CategoryPlot(data.get(i), Charts.categoryAxis(null), Charts.numberAxis("Students"), bars);
            plot.getRangeAxis().setRange(0, max * 1.12); // one scale for every office, room for the labels
            plot.getDomainAxis().setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.STANDARD);
            panels.add(panel(published, published.offices().get(i), plot));
        }
        return new Grid("Stage funnel by office, as of " + published.asOf(),
                "Students of each office and how many ever reached each stage; the same scale in every panel", panels, null);
    }

    /** Per office: compliance by rule over the 12 complete months, on 0..100%, with the status bands. */
    static Grid compliance(ReportInput published) {
        LocalDate last = Summary.lastCompleteMonth(published.asOf());
        List<JFreeChart> panels = new ArrayList<>();
        for (OfficeInfo o : published.offices()) {
            DefaultCategoryDataset ds = new DefaultCategoryDataset();
            Charts.SparseMarkers renderer = Charts.lineRenderer();
            boolean shown = Summary.students(published, o.id()) >= published.smallCell();
            boolean any = false;
            for (String rule : Summary.RULES) {
                for (int i = 11; i >= 0; i--) {
                    LocalDate month = last.minusMonths(i);
                    Map<String, Object> f = Summary.month(published, o.id(), month);
                    Object rate = f.get(rule);
                    String column = Charts.SHORT_MONTH.format(month);
                    String row = Summary.RULE_NAMES.get(rule);
                    boolean value = shown && rate instanceof Number;
                    ds.addValue(value ? 100 * ((Number) rate).doubleValue() : null, row, column);
                    any |= value;
                    if (value && f.get(rule + ":n") instanceof Number n && n.longValue() < Charts.FEW_ITEMS) {
                        renderer.sparse(row, column);
                    }
                }
            }
            CategoryPlot plot = new CategoryPlot(any ? ds : new DefaultCategoryDataset(), Charts.categoryAxis(null),
                    Charts.numberAxis("% met"), renderer);
            plot.getRangeAxis().setRange(0, 100);
            Charts.bands(plot, published);
            panels.add(panel(published, o, plot));
        }
        return new Grid("Follow-up compliance by office, " + Charts.SHORT_MONTH.format(last.minusMonths(11)) + " to "
                + Charts.SHORT_MONTH.format(last) + " (complete months)",
                "Share of items met by rule and month; hollow marker: fewer than " + Charts.FEW_ITEMS
                        + " items judged; gap: none judged", panels,
                panels.isEmpty() ? null : panels.get(0).getCategoryPlot());
    }

    private static JFreeChart panel(ReportInput published, OfficeInfo office, CategoryPlot plot) {
        boolean hidden = Summary.students(published, office.id()) < published.smallCell();
        plot.setNoDataMessage(hidden ? "Fewer than " + published.smallCell() + " students: not shown" : "No data yet");
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xbbbbbb));
        JFreeChart c = new JFreeChart(office.name(), new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
        c.setBackgroundPaint(Color.WHITE);
        c.setAntiAlias(true);
        return c;
    }

    /** panels laid out in rows of {@link #COLUMNS}, under a title and, when given, one legend for all. */
    record Grid(String title, String subtitle, List<JFreeChart> panels, CategoryPlot legendOf) {
        int width() {
            return COLUMNS * PANEL_WIDTH;
        }

        int height() {
            int rows = Math.max(1, (panels.size() + COLUMNS - 1) / COLUMNS);
            return TITLE_HEIGHT + (legendOf == null ? 0 : LEGEND_HEIGHT) + rows * PANEL_HEIGHT;
        }
    }

    private static void title(Graphics2D g, TextTitle t, Rectangle2D area) {
        t.arrange(g, new RectangleConstraint(new org.jfree.data.Range(0, area.getWidth()), new org.jfree.data.Range(0, area.getHeight())));
        t.draw(g, area);
    }

    static byte[] png(Grid grid) {
        BufferedImage img = new BufferedImage(grid.width(), grid.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, grid.width(), grid.height());
            title(g, new TextTitle(grid.title(), JFreeChart.DEFAULT_TITLE_FONT), new Rectangle2D.Double(0, 4, grid.width(), 28));
            title(g, new TextTitle(grid.subtitle()), new Rectangle2D.Double(0, 32, grid.width(), 20));
            int top = TITLE_HEIGHT;
            if (grid.legendOf() != null) {
                LegendTitle legend = new LegendTitle(grid.legendOf());
                legend.arrange(g, new RectangleConstraint(grid.width(), LEGEND_HEIGHT));
                legend.draw(g, new Rectangle2D.Double(0, top, grid.width(), LEGEND_HEIGHT));
                top += LEGEND_HEIGHT;
            }
            for (int i = 0; i < grid.panels().size(); i++) {
                int x = (i % COLUMNS) * PANEL_WIDTH;
                int y = top + (i / COLUMNS) * PANEL_HEIGHT;
                grid.panels().get(i).draw(g, new Rectangle2D.Double(x + 4, y + 4, PANEL_WIDTH - 8, PANEL_HEIGHT - 8));
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
