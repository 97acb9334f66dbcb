package io.careerlens.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits RFC 4180 text into records, streaming, and keeps the line each one starts on. Record
 * boundaries are found here (a line break outside quotes); the fields of each record are read by
 * Commons CSV.
 *
 * <p>Two limits keep one bad record from costing others:
 * <ul>
 * <li>A record holds at most {@link #MAX_RECORD_CHARS} characters. A larger one, however many
 * lines it spans, is one record reported {@link CsvRecord#TOO_LARGE}; its text is not kept, so
 * memory stays bounded.</li>
 * <li>A quoted field that never closes (the end of input arrives inside quotes), or a record of
 * several lines that Commons CSV cannot split (a stray quote closed by a later line's quote), has
 * only its first line reported malformed; reading resumes on the line after it, so no later row is
 * lost. When the text of such a record was too large to keep, the input is opened again and read
 * from that line.</li>
 * </ul>
 */
public final class CsvRecordReader implements Iterator<CsvRecord>, Closeable {
    /** 16 Mi characters: far above any real note, and bounded memory for a Spark task. */
    public static final int MAX_RECORD_CHARS = 16 << 20;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Supplier<Reader> reopen;
    private final int maxChars;
    private Reader base;
    private Reader in;
    private final List<Reader> pending = new ArrayList<>();
    private long nextLine = 1;
    private CsvRecord next;
    private boolean done;

    /** Text that cannot be read again: an unclosed quote in a record over the limit ends the input. */
    public CsvRecordReader(Reader in) {
        this(() -> in, MAX_RECORD_CHARS, false);
    }

    /** @param reopen opens the input from its start; called once now, and again to resume after a broken record */
    public CsvRecordReader(Supplier<Reader> reopen) {
        this(reopen, MAX_RECORD_CHARS, true);
    }

    CsvRecordReader(Supplier<Reader> reopen, int maxChars, boolean canReopen) {
        this.reopen = canReopen ? reopen : null;
        this.maxChars = maxChars;
        this.base = reopen.get();
        this.in = base;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = readRecord();
            done = next == null;
        }
        return next != null;
    }

    @Override
    public CsvRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRecord r = next;
        next = null;
        return r;
    }

    @Override
    public void close() throws IOException {
        base.close();
    }

    private int read() throws IOException {
        while (true) {
            int c = in.read();
            if (c >= 0 || pending.isEmpty()) {
                return c;
            }
            in = pending.remove(pending.size() - 1);
        }
    }

    /** The text of the record being read, dropped once it passes the limit. */
    private final class Buffer {
        private StringBuilder text = new StringBuilder();
        private int firstLineEnd = -1;
        private int firstBreakLength;

        void append(char c) {
            if (text != null) {
                text.append(c);
                if (text.length() > maxChars) {
                    text = null;
                }
            }
        }

        void lineBreak(String br) {
            if (text != null && firstLineEnd < 0) {
                firstLineEnd = text.length();
                firstBreakLength = br.length();
            }
            for (int i = 0; i < br.length(); i++) {
                append(br.charAt(i));
            }
        }

        boolean overflowed() {
            return text == null;
        }

        boolean multiLine() {
            return firstLineEnd >= 0;
        }
    }

    /** Next non-blank record, or null at the end. Blank lines are not records. */
    private CsvRecord readRecord() {
        try {
            while (true) {
                long start = nextLine;
                Buffer raw = new Buffer();
                boolean inQuotes = false;
                boolean fieldStart = true;
                String terminator = "";
                int c = read();
                if (c < 0) {
                    return null;
                }
                while (c >= 0) {
                    if (inQuotes) {
                        if (c == '"') {
                            int d = read();
                            raw.append('"');
                            if (d == '"') {
                                raw.append('"');
                                c = read();
                            } else {
                                inQuotes = false;
                                c = d;
                            }
                            continue;
                        }
                        if (c == '\n' || c == '\r') {
                            int d = read();
                            if (c == '\r' && d == '\n') {
                                raw.lineBreak("\r\n");
                                d = read();
                            } else {
                                raw.lineBreak(String.valueOf((char) c));
                            }
                            nextLine++;
                            c = d;
                            continue;
                        }
                        raw.append((char) c);
                        c = read();
                        continue;
                    }
                    if (c == '\n' || c == '\r') {
                        nextLine++;
                        terminator = String.valueOf((char) c);
                        if (c == '\r') {
                            int d = read();
                            if (d == '\n') {
                                terminator = "\r\n";
                            } else if (d >= 0) {
                                pushBack(String.valueOf((char) d));
                            }
                        }
                        break;
                    }
                    if (c == '"' && fieldStart) {
                        inQuotes = true;
                    }
                    fieldStart = c == ',';
                    raw.append((char) c);
                    c = read();
                }
                if (inQuotes) {
                    return resumeAfterFirstLine(raw, start, "",
                            "a quoted field is not closed (an odd number of \" characters)");
                }
                if (raw.overflowed()) {
                    return new CsvRecord(start, null, null, CsvRecord.TOO_LARGE, "the record (lines " + start + "–"
                            + (nextLine - 1) + ") is longer than " + (maxChars >> 20) + " Mi characters");
                }
                if (raw.text.length() == 0) {
                    continue;
                }
                CsvRecord r = parse(start, raw.text.toString());
                if (r.malformed() && raw.multiLine()) {
                    // a stray quote closed by a later line: only the line that opened it is lost
                    return resumeAfterFirstLine(raw, start, terminator, r.error()
                            + " (a quote opened on this line is closed on a later one)");
                }
                return r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reports the record's first line as malformed and reads on from the line after it: from the
     * text kept, or, when the text was too large to keep, from the input opened again.
     */
    private CsvRecord resumeAfterFirstLine(Buffer raw, long start, String terminator, String why) throws IOException {
        if (raw.overflowed()) {
            if (reopen == null) {
                return new CsvRecord(start, null, null, CsvRecord.TOO_LARGE, why + "; the rest of the input is longer than "
                        + (maxChars >> 20) + " Mi characters");
            }
            reopenAt(start + 1);
            return CsvRecord.malformed(start, null, why);
        }
        String text = raw.text.toString();
        if (!raw.multiLine()) {
            return CsvRecord.malformed(start, text, why);
        }
        String firstLine = text.substring(0, raw.firstLineEnd);
        pushBack(text.substring(raw.firstLineEnd + raw.firstBreakLength) + terminator);
        nextLine = start + 1;
        return CsvRecord.malformed(start, firstLine, why);
    }

    /** Opens the input again and skips to the start of physical line {@code line}. */
    private void reopenAt(long line) throws IOException {
        base.close();
        pending.clear();
        base = reopen.get();
        in = base;
        long at = 1;
        while (at < line) {
            int c = read();
            if (c < 0) {
                break;
            }
            if (c == '\n') {
                at++;
            } else if (c == '\r') {
                at++;
                int d = read();
                if (d != '\n' && d >= 0) {
                    pushBack(String.valueOf((char) d));
                }
            }
        }
        nextLine = at;
    }

    private void pushBack(String text) {
        if (!text.isEmpty()) {
            pending.add(in);
            in = new StringReader(text);
        }
    }

    private static CsvRecord parse(long line, String raw) {
        try (CSVParser p = CSVParser.parse(raw, FORMAT)) {
            List<CSVRecord> records = p.getRecords();
            if (records.size() != 1) {
                return CsvRecord.malformed(line, raw, "the record could not be split into fields");
            }
            return CsvRecord.of(line, raw, records.get(0).toList());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return CsvRecord.malformed(line, raw, "the record could not be split into fields (RFC 4180): "
                    + position(e));
        }
    }

    /** Commons CSV's message without any of the record's text: only where it went wrong. */
    private static String position(Exception e) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("invalid char between encapsulated token and delimiter")) {
            return "text follows a closing quote";
        }
        if (msg.contains("EOF reached before encapsulated token finished")) {
            return "a quoted field is not closed";
        }
        return "unexpected character";
    }
}
