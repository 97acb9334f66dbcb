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

    private static List<CsvRecord> read(java.util.function.Supplier<java.io.Reader> reopen, int maxChars) {
        List<CsvRecord> out = new ArrayList<>();
        new CsvRecordReader(reopen, maxChars, true).forEachRemaining(out::add);
        return out;
    }

    @Test
    void aClosedQuotedFieldOfManyLinesIsOneRecordWhateverItsLineCount() {
        String note = "line\n".repeat(2000) + "end";
        List<CsvRecord> r = read("a,b\n1,\"" + note + "\"\n2,x\n");
        assertEquals(3, r.size(), "header, the record with the long note, and the next row");
        assertEquals(List.of("1", note), r.get(1).fields());
        assertEquals(2003, r.get(2).line());
    }

    @Test
    void aRecordOverTheSizeLimitIsOneRejectWithoutItsText() {
        String big = "x\n".repeat(40);
        String text = "a,b\n1,\"" + big + "\"\n2,y\n";
        List<CsvRecord> r = read(() -> new StringReader(text), 50);
        assertEquals(3, r.size(), "one record over the limit counts once, never once per line");
        assertEquals(CsvRecord.TOO_LARGE, r.get(1).problem());
        assertEquals(2, r.get(1).line());
        assertNull(r.get(1).raw(), "the text of an over-long record is not kept");
        assertEquals(List.of("2", "y"), r.get(2).fields());
        assertEquals(43, r.get(2).line());
    }

    @Test
    void anUnclosedQuoteInTextOverTheLimitResumesOnTheNextLineByReadingAgain() {
        StringBuilder sb = new StringBuilder("a,b\n\"open,1\n");
        for (int i = 0; i < 30; i++) {
            sb.append("r").append(i).append(",").append(i).append("\r\n");
        }
        String text = sb.toString();
        List<CsvRecord> r = read(() -> new StringReader(text), 50);
        assertEquals(32, r.size(), "header, the broken line, and all 30 rows after it");
        assertEquals(CsvRecord.MALFORMED, r.get(1).problem());
        assertEquals(2, r.get(1).line());
        assertEquals(List.of("r0", "0"), r.get(2).fields());
        assertEquals(3, r.get(2).line());
        assertEquals(List.of("r29", "29"), r.get(31).fields());
        assertEquals(32, r.get(31).line());
    }

    @Test
    void aStrayQuoteClosedOnALaterLineLosesOnlyTheLineThatOpenedIt() {
        List<CsvRecord> r = read("a,b,c\n\"stray,1,2\nok,\"q\"x,3\nlast,4,5\n");
        assertEquals(CsvRecord.MALFORMED, r.get(1).problem());
        assertEquals(2, r.get(1).line());
        assertEquals("\"stray,1,2", r.get(1).raw());
        assertTrue(r.get(2).malformed(), "line 3 has its own broken quote");
        assertEquals(3, r.get(2).line());
        assertEquals(List.of("last", "4", "5"), r.get(3).fields());
        assertEquals(4, r.get(3).line());
    }
}
