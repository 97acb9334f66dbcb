package io.careerlens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {
    private static List<CsvRecord> read(String text) {
        List<CsvRecord> out = new ArrayList<>();
        new CsvRecordReader(new StringReader(text)).forEachRemaining(out::add);
        return out;
    }

    @Test
    void quotedCommasLineBreaksAndEscapedQuotesStayInOneField() {
        List<CsvRecord> r = read("a,b\r\n\"x, y\",\"line1\nline2 \"\"q\"\"\"\r\nlast,row\r\n");
        assertEquals(3, r.size());
        assertEquals(List.of("x, y", "line1\nline2 \"q\""), r.get(1).fields());
        assertEquals(2, r.get(1).line());
        // the quoted line break moves the next record to line 4
        assertEquals(4, r.get(2).line());
        assertEquals(List.of("last", "row"), r.get(2).fields());
    }

    @Test
    void blankLinesAreNotRecordsButCountForLineNumbers() {
        List<CsvRecord> r = read("h\n\nv1\n\n\nv2");
        assertEquals(3, r.size());
        assertEquals(3, r.get(1).line());
        assertEquals(6, r.get(2).line());
    }

    @Test
    void aQuoteFollowedByTextIsMalformedAndReadingGoesOn() {
        List<CsvRecord> r = read("a,b\n\"bad\"x,1\nok,2\n");
        assertEquals(3, r.size());
        assertTrue(r.get(1).malformed());
        assertEquals(2, r.get(1).line());
        assertEquals(List.of("ok", "2"), r.get(2).fields());
    }

    @Test
    void anUnclosedQuoteLosesOnlyItsOwnLine() {
        List<CsvRecord> r = read("a,b\n\"never closed,1\nc,2\nd,3\n");
        assertEquals(4, r.size(), "header, the broken line, and the two rows after it");
        assertTrue(r.get(1).malformed());
        assertEquals("\"never closed,1", r.get(1).raw());
        assertEquals(List.of("c", "2"), r.get(2).fields());
        assertEquals(3, r.get(2).line());
        assertEquals(4, r.get(3).line());
        assertNull(r.get(3).error());
    }

    @Test
    void lastLineWithoutNewlineAndLoneCarriageReturns() {
        List<CsvRecord> r = read("a\rb\rc");
        assertEquals(3, r.size());
        assertEquals(List.of("c"), r.get(2).fields());
        assertEquals(3, r.get(2).line());
    }
}
