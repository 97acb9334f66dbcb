package io.careerlens.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;

/**
 * Writes one export file in an office's flavour (encoding, line ends, byte-order mark) and, at the
 * dirty rate, follows rows with damaged copies of the kinds real exports carry.
 */
final class CsvExportWriter {
    private final Random rnd;
    private final double dirtyRate;
    private final Charset charset;
    private final String newline;
    private final boolean bom;

    CsvExportWriter(Random rnd, double dirtyRate, Charset charset, boolean crlf, boolean bom) {
        this.rnd = rnd;
        this.dirtyRate = dirtyRate;
        this.charset = charset;
        this.newline = crlf ? "\r\n" : "\n";
        this.bom = bom;
    }

    /** @return the number of records written */
    int write(Path file, List<String> header, List<List<String>> rows, String entity, LocalDate exportDate) throws IOException {
        StringBuilder text = new StringBuilder(line(header));
        int n = 0;
        for (List<String> row : rows) {
            text.append(line(row));
            n++;
            if (rnd.nextDouble() < dirtyRate) {
                text.append(damaged(header, row, entity, exportDate));
                n++;
            }
        }
        save(file, text.toString());
        return n;
    }

    /** LinkedIn's Connections.csv: a few notes lines, a blank line, then the header. */
    int writeLinkedIn(Path file, List<List<String>> rows) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("Notes:").append(newline);
        text.append("\"When exporting your connection data, you may notice that some of the email addresses are missing.\"")
                .append(newline).append(newline);
        text.append(line(List.of("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On",
                "Student ID")));
        rows.forEach(r -> text.append(line(r)));
        save(file, text.toString());
        return rows.size();
    }

    private void save(Path file, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (bom) {
            bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        bytes.write(text.getBytes(charset));
        Files.write(file, bytes.toByteArray());
    }

    private String line(List<String> fields) {
        try {
            StringBuilder sb = new StringBuilder();
            CSVFormat.RFC4180.builder().setRecordSeparator(newline).get().printRecord(sb, fields.toArray());
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String damaged(List<String> header, List<String> row, String entity, LocalDate exportDate) {
        List<String> copy = new ArrayList<>(row);
        int kind = rnd.nextInt(6);
        switch (kind) {
            case 0:
                copy.add("unexpected");
                return line(copy);
            case 1:
                copy.set(0, "");
                return line(copy);
            case 2:
                // a quote in the middle of a quoted field that is not doubled
                String first = line(copy.subList(0, 1)).strip();
                return "\"" + first.replace("\"", "") + "\"x," + line(copy.subList(1, copy.size()));
            default:
                break;
        }
        String[][] damage = switch (entity) {
            case "students" -> new String[][] {{"program_start", "2025-02-30"}, {"program", "mba"}, {"program_start", "01/09/2025"}};
            case "contacts" -> new String[][] {{"added_on", "12/03/2025"}, {"relationship", "frend"}, {"cadence_days", "0"}};
            default -> new String[][] {{"event_type", "speed_dating"}, {"occurred_at", "yesterday"},
                {"cards_collected", "-2"}, {"occurred_at", exportDate.plusDays(10).toString()}};
        };
        String[] d = damage[rnd.nextInt(damage.length)];
        copy.set(header.indexOf(d[0]), d[1]);
        return line(copy);
    }
}
