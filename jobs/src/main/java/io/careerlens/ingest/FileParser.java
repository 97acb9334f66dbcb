package io.careerlens.ingest;

import io.careerlens.config.OfficeConfig;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads one export file, streaming, into staged rows ({@link CuratedSchema#staged}): first one
 * {@code kind=file} row saying whether the file as a whole can be read, then one {@code kind=record}
 * row per record, valid or rejected. Runs inside Spark tasks, one task per file.
 */
public final class FileParser implements Iterator<Row>, AutoCloseable {
    private static final int MAX_RAW_CHARS = 4000;
    private static final int MAX_RAW_VALUE_CHARS = 200;
    private static final CSVFormat RAW_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final InboxFile file;
    private final OfficeConfig office;
    private final int canonicalCount;
    private final List<String> pseudonymized;
    private final CsvRecordReader records;
    private final List<Row> queue = new ArrayList<>();
    private final List<CsvRecord> backlog = new ArrayList<>();
    private HeaderLayout layout;
    private RowValidator validator;
    private String fileProblem;
    private boolean closed;

    public FileParser(InboxFile file, OfficeConfig office, Configuration hadoop) {
        this.file = file;
        this.office = office;
        this.canonicalCount = CuratedSchema.canonicalFields(file.entity()).size();
        this.pseudonymized = office.pseudonymize.getOrDefault(file.entity().tableName(), List.of());
        this.records = new CsvRecordReader(() -> open(file, office, hadoop));
        readHeader();
    }

    /** the file as text in the office's encoding, from its start (the reader may need it twice). */
    private static Reader open(InboxFile file, OfficeConfig office, Configuration hadoop) {
        try {
            Path p = new Path(file.uri());
            InputStream in = new BufferedInputStream(p.getFileSystem(hadoop).open(p));
            skipUtf8Bom(in);
            var decoder = office.charset().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Export files are parsed where the tasks run: on a cluster, by the executors. Names the file,
     * the host and the rule, so an inbox folder only the submitting machine can see is one clear
     * line; no cause is chained, so that line is what the run's error shows.
     */
    static IllegalStateException unreadable(InboxFile file, IOException e) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            host = "this host";
        }
        IllegalStateException x = new IllegalStateException("cannot read inbox file " + file.path() + " (" + file.uri()
                + ") on " + host + ": " + e.getMessage() + ". Executors read the export files themselves: the inbox must "
                + "be on storage every node can read (hdfs://, s3a://, or the same shared mount on every node)");
        x.setStackTrace(e.getStackTrace());
        return x;
    }

    /** A UTF-8 byte-order mark is dropped whatever the office's encoding says. */
    private static void skipUtf8Bom(InputStream in) throws IOException {
        in.mark(3);
        byte[] b = in.readNBytes(3);
        if (!(b.length == 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF)) {
            in.reset();
        }
    }

    /** The header is the first record, or (header_search_lines) the first that names every required column. */
    private void readHeader() {
        List<CsvRecord> preamble = new ArrayList<>();
        CsvRecord header = null;
        while (records.hasNext() && preamble.size() <= office.headerSearchLines) {
            CsvRecord r = records.next();
            if (!r.malformed()) {
                HeaderLayout candidate = new HeaderLayout(file.entity(), stripBom(r.fields()), office);
                if (candidate.missingRequired().isEmpty() || office.headerSearchLines == 0) {
                    header = r;
                    layout = candidate;
                    break;
                }
            } else if (office.headerSearchLines == 0) {
                header = r;
                break;
            }
            preamble.add(r);
        }
        if (header == null && !preamble.isEmpty()) {
            // no line named every required column: the first is the header, the rest are records
            header = preamble.remove(0);
            backlog.addAll(preamble);
        }
        if (header == null) {
            fileProblem = "the file is empty (no header row)";
        } else if (header.malformed()) {
            fileProblem = "line " + header.line() + ": the header row cannot be read: " + header.error();
            layout = null;
        } else {
            if (layout == null) {
                layout = new HeaderLayout(file.entity(), stripBom(header.fields()), office);
            }
            if (!layout.missingRequired().isEmpty()) {
                fileProblem = "line " + header.line() + ": the header lacks the required column"
                        + (layout.missingRequired().size() > 1 ? "s " : " ") + String.join(", ", layout.missingRequired());
                if (header.raw().indexOf('\uFFFD') >= 0 || header.raw().indexOf('\u0000') >= 0) {
                    fileProblem += " (the header is not readable as " + office.encoding
                            + ": is the file in another encoding, e.g. UTF-16? Set the office's encoding in the configuration)";
                }
            } else {
                validator = new RowValidator(file.entity(), layout, office, file.exportDate());
            }
        }
        // notes lines before a vendor header are not data rows; the file row says whether it can be read
        queue.add(row(0, CuratedSchema.KIND_FILE, fileProblem == null ? null : "missing_column", fileProblem, null, null));
    }

    private static List<String> stripBom(List<String> fields) {
        if (fields.isEmpty() || fields.get(0).isEmpty() || fields.get(0).charAt(0) != '\uFEFF') {
            return fields;
        }
        List<String> copy = new ArrayList<>(fields);
        copy.set(0, copy.get(0).substring(1));
        return copy;
    }

    @Override
    public boolean hasNext() {
        if (!queue.isEmpty()) {
            return true;
        }
        if (!backlog.isEmpty()) {
            queue.add(toRow(backlog.remove(0)));
            return true;
        }
        if (closed) {
            return false;
        }
        if (!records.hasNext()) {
            close();
            return false;
        }
        queue.add(toRow(records.next()));
        return true;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return queue.remove(0);
    }

    private Row toRow(CsvRecord r) {
        if (fileProblem != null) {
            return row(r.line(), CuratedSchema.KIND_RECORD, "missing_column", fileProblem, raw(r), null);
        }
        if (r.malformed()) {
            return row(r.line(), CuratedSchema.KIND_RECORD, r.problem(), r.error(), raw(r), null);
        }
        try {
            return row(r.line(), CuratedSchema.KIND_RECORD, null, null, null, validator.validate(r.fields()));
        } catch (Reject e) {
            return row(r.line(), CuratedSchema.KIND_RECORD, e.reason(), e.detail(), raw(r), null);
        }
    }

    /**
     * The record's text for the rejects table, holding only what the warehouse itself would store:
     * values of columns CareerLens never keeps (names, e-mails, unknown columns) are blanked,
     * pseudonymised ids are hashed, long values are cut. A record whose fields cannot be matched
     * to the header (unreadable, or the wrong number of fields) keeps no text at all: any part of
     * it might be personal, and the file and line are enough to find it.
     */
    private String raw(CsvRecord r) {
        if (r.malformed() || layout == null || r.fields().size() != layout.fieldCount()) {
            return null;
        }
        List<String> shown = new ArrayList<>(r.fields());
        for (int i = 0; i < shown.size(); i++) {
            String v = shown.get(i);
            String column = layout.columnAt(i);
            if (v.isEmpty()) {
                continue;
            }
            if (!layout.isStored(i, office.keepNotes)) {
                shown.set(i, "***");
            } else if (pseudonymized.contains(column)) {
                shown.set(i, RowValidator.pseudonym(v.strip()));
            } else if (v.length() > MAX_RAW_VALUE_CHARS) {
                shown.set(i, v.substring(0, MAX_RAW_VALUE_CHARS) + "…");
            }
        }
        String text = RAW_FORMAT.format(shown.toArray());
        return text.length() > MAX_RAW_CHARS ? text.substring(0, MAX_RAW_CHARS) + "…" : text;
    }

    private Row row(long line, String kind, String reason, String detail, String raw, Object[] canonical) {
        Object[] v = new Object[9 + canonicalCount];
        v[0] = file.officeId();
        v[1] = file.exportDate();
        v[2] = file.path();
        v[3] = file.checksum();
        v[4] = line;
        v[5] = kind;
        v[6] = reason;
        v[7] = detail;
        v[8] = raw;
        if (canonical != null) {
            System.arraycopy(canonical, 0, v, 9, canonicalCount);
        }
        return RowFactory.create(v);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                records.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
