package io.careerlens.report;

import static io.careerlens.report.ReportFixtures.m;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;

/** Offices compared: one panel per office on one scale, hidden offices said so, figures by hand from the fixtures. */
class SmallMultiplesTest {
    private static final Object X = Suppression.SUPPRESSED;

    private static ReportInput published() {
        return Suppression.publish(ReportFixtures.system());
    }

    @Test
    void oneFunnelPanelPerOfficeOnOneScaleAndTheSmallOfficeEmptyWithTheReason() {
        SmallMultiples.Grid grid = SmallMultiples.funnel(published(), ReportFixtures.system().table("stage_funnel"));
        assertEquals(2, grid.panels().size());
        CategoryPlot big = grid.panels().get(0).getCategoryPlot();
        CategoryDataset ds = big.getDataset();
        assertEquals(List.of("Students", "Reached Exposure", "Reached Immersion", "Reached Connection"), ds.getColumnKeys());
        assertEquals(List.of(12.0, 10.0, 6.0, 3.0), List.of(ds.getValue(0, 0).doubleValue(), ds.getValue(0, 1).doubleValue(),
                ds.getValue(0, 2).doubleValue(), ds.getValue(0, 3).doubleValue()));
        CategoryPlot tiny = grid.panels().get(1).getCategoryPlot();
        assertEquals(0, tiny.getDataset().getRowCount(), "3 students: no figure drawn");
        assertEquals("Fewer than 5 students: not shown", tiny.getNoDataMessage());
        assertEquals(big.getRangeAxis().getUpperBound(), tiny.getRangeAxis().getUpperBound(), 1e-9, "one scale");
        assertEquals("Big Campus", grid.panels().get(0).getTitle().getText());
    }

    @Test
    void compliancePanelsCoverTwelveCompleteMonthsAndDrawFewItemsHollow() throws IOException {
        SmallMultiples.Grid grid = SmallMultiples.compliance(published());
        CategoryPlot big = grid.panels().get(0).getCategoryPlot();
        CategoryDataset ds = big.getDataset();
        assertEquals(12, ds.getColumnCount());
        assertEquals("Mar 25", ds.getColumnKey(0));
        assertEquals("Feb 26", ds.getColumnKey(11), "D = 10 March: February is the last complete month");
        String thanks = Summary.RULE_NAMES.get("thank_you_24h");
        assertEquals(75.0, ds.getValue(thanks, "Feb 26").doubleValue(), 1e-9, "big: 3 of 4");
        assertFalse(((Charts.SparseMarkers) big.getRenderer()).getItemShapeFilled(ds.getRowIndex(thanks), 11), "4 items: hollow marker");
        assertEquals(100.0, big.getRangeAxis().getUpperBound(), 1e-9);
        assertEquals(0, grid.panels().get(1).getCategoryPlot().getDataset().getRowCount(), "tiny is hidden whole");

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(SmallMultiples.png(grid)));
        assertEquals(SmallMultiples.COLUMNS * SmallMultiples.PANEL_WIDTH, img.getWidth());
        assertEquals(grid.height(), img.getHeight());
        assertTrue(grid.height() >= SmallMultiples.PANEL_HEIGHT + 56, "title, legend and one row of two panels");
    }

    @Test
    void officeLevelTablesHideSmallOfficesAndAddUpWhatTheyShow() {
        Table funnel = Summary.officesFunnel(published(), ReportFixtures.system().table("stage_funnel"));
        List<List<Object>> rows = new java.util.ArrayList<>();
        funnel.rows().forEach(rows::add);
        assertEquals(List.of("Big Campus", 12L, 10L, 6L, 3L, 2L, 4L, 3L, 3L), rows.get(0));
        assertSame(X, rows.get(1).get(1), "tiny: 3 students");
        assertEquals(List.of("All offices (the offices shown)", 12L, 10L, 6L, 3L, 2L, 4L, 3L, 3L), rows.get(2));

        Table compliance = Summary.officesCompliance(published(), m(2));
        List<List<Object>> c = new java.util.ArrayList<>();
        compliance.rows().forEach(c::add);
        int rate = compliance.index("compliance_thank_you_24h");
        int n = compliance.index("thank_you_24h_judged");
        assertEquals(0.75, (double) c.get(0).get(rate), 1e-9);
        assertEquals(4L, c.get(0).get(n));
        assertSame(X, c.get(1).get(rate));
        assertEquals(0.75, (double) c.get(2).get(rate), 1e-9, "pooled without tiny");
        assertEquals("Thank-you in 24 h", compliance.columns().get(rate).label());
    }
}
