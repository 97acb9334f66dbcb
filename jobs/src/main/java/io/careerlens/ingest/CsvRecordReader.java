package io.careerlens.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits RFC 4180 text into records, streaming, and keeps the line each one starts on. Record
 * boundaries are found here (a line break outside quotes); the fields of each record are read by
 * Commons CSV. A quoted field that never closes would swallow the rest of the file, so it is cut
 * off at the end of input or after {@link #MAX_RECORD_LINES} lines: the record's first line is
 * reported malformed and reading resumes on the line after it, so no later row is lost.
 */
public final class CsvRecordReader implements Iterator<CsvRecord> {
    static final int MAX_RECORD_LINES = 500;
    private static final int MAX_RECORD_CHARS = 1 << 20;
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private Reader in;
    private final List<Reader> pending = new ArrayList<>();
    private long nextLine = 1;
    private CsvRecord next;
    private boolean done;

    public CsvRecordReader(Reader in) {
        this.in = in;
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

    private int read() throws IOException {
        while (true) {
            int c = in.read();
            if (c >= 0 || pending.isEmpty()) {
                return c;
            }
            in = pending.remove(pending.size() - 1);
        }
    }

    /** Next non-blank record, or null at the end. Blank lines are not records. */
    private CsvRecord readRecord() {
        try {
            while (true) {
                StringBuilder raw = new StringBuilder();
                long start = nextLine;
                int linesInRecord = 0;
                int firstLineEnd = -1;
                boolean inQuotes = false;
                boolean fieldStart = true;
                boolean cut = false;
                int c = read();
                if (c < 0) {
                    return null;
                }
                while (c >= 0) {
                    if (inQuotes) {
                        if (c == '"') {
                            int d = read();
                            if (d == '"') {
                                raw.append("\"\"");
                                c = read();
                                continue;
                            }
                            raw.append('"');
                            inQuotes = false;
                            c = d;
                            continue;
                        }
                        if (c == '\n' || c == '\r') {
                            if (firstLineEnd < 0) {
                                firstLineEnd = raw.length();
                            }
                            if (c == '\r') {
                                int d = read();
                                raw.append('\r');
                                if (d == '\n') {
                                    raw.append('\n');
                                    d = read();
                                }
                                c = d;
                            } else {
                                raw.append('\n');
                                c = read();
                            }
                            nextLine++;
                            if (++linesInRecord > MAX_RECORD_LINES || raw.length() > MAX_RECORD_CHARS) {
                                cut = true;
                                break;
                            }
                            continue;
                        }
                        raw.append((char) c);
                        c = read();
                        continue;
                    }
                    if (c == '\n' || c == '\r') {
                        nextLine++;
                        if (c == '\r') {
                            int d = read();
                            if (d != '\n' && d >= 0) {
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
                if (inQuotes || cut) {
                    return unterminated(raw, start, firstLineEnd, c);
                }
                if (raw.length() == 0) {
                    continue;
                }
                return parse(start, raw.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A quoted field did not close: report the record's first line as malformed and read again
     * from the line after it.
     */
    private CsvRecord unterminated(StringBuilder raw, long start, int firstLineEnd, int lookahead) {
        String firstLine = firstLineEnd < 0 ? raw.toString() : raw.substring(0, firstLineEnd);
        if (firstLineEnd >= 0) {
            StringBuilder rest = new StringBuilder(raw.substring(firstLineEnd));
            if (rest.length() > 0 && rest.charAt(0) == '\r') {
                rest.deleteCharAt(0);
            }
            if (rest.length() > 0 && rest.charAt(0) == '\n') {
                rest.deleteCharAt(0);
            }
            if (lookahead >= 0) {
                rest.append((char) lookahead);
            }
            pushBack(rest.toString());
            nextLine = start + 1;
        }
        return new CsvRecord(start, firstLine, null, "a quoted field is not closed (an odd number of \" characters)");
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
                return new CsvRecord(line, raw, null, "the record could not be split into fields");
            }
            return new CsvRecord(line, raw, records.get(0).toList(), null);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            return new CsvRecord(line, raw, null, msg.replaceAll("\\s+", " "));
        }
    }
}
