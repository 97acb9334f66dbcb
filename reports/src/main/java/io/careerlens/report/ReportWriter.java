package io.careerlens.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;

/**
 * Writes a run's report files into a folder: all-offices.xlsx, offices/<id>.xlsx, charts/*.png,
 * charts/<id>/*.png and index.html. Files are readable by owner and group only: they hold data
 * about students.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** @param offices one supplier per office, so only one office's rows are in memory at a time */
    public static List<Path> write(Path dir, ReportInput all, List<Supplier<ReportInput>> offices) throws IOException {
        return write(dir, all, offices, null);
    }

    /** @param outcome the run writing the reports, shown on top of index.html; null when there was no ingest */
    public static List<Path> write(Path dir, ReportInput all, List<Supplier<ReportInput>> offices, RunOutcome outcome)
            throws IOException {
        List<Path> written = new ArrayList<>();
        Files.createDirectories(dir.resolve("offices"));
        Map<String, byte[]> charts = charts(all, "all offices", dir.resolve("charts"), written);
        for (Map.Entry<String, byte[]> grid : SmallMultiples.all(all).entrySet()) {
            Path p = dir.resolve("charts").resolve(grid.getKey() + ".png");
            Files.write(p, grid.getValue());
            written.add(p);
            charts.put(grid.getKey(), grid.getValue());
        }
        Path book = dir.resolve("all-offices.xlsx");
        WorkbookWriter.write(all, charts, book);
        written.add(book);
        for (Supplier<ReportInput> s : offices) {
            ReportInput in = s.get();
            Map<String, byte[]> oc = charts(in, in.office().name(), dir.resolve("charts").resolve(in.office().id()), written);
            Path ob = dir.resolve("offices").resolve(in.office().id() + ".xlsx");
            WorkbookWriter.write(in, all, oc, ob);
            written.add(ob);
            Path page = dir.resolve("offices").resolve(in.office().id() + ".html");
            Files.writeString(page, IndexPage.officeHtml(in), StandardCharsets.UTF_8);
            written.add(page);
        }
        Path index = dir.resolve("index.html");
        Files.writeString(index, IndexPage.html(Suppression.publish(all), outcome), StandardCharsets.UTF_8);
        written.add(index);
        restrict(dir);
        return written;
    }

    private static Map<String, byte[]> charts(ReportInput in, String scope, Path dir, List<Path> written) throws IOException {
        Files.createDirectories(dir);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, JFreeChart> c : Charts.all(in, scope).entrySet()) {
            byte[] png = Charts.png(c.getValue());
            Path p = dir.resolve(c.getKey() + ".png");
            Files.write(p, png);
            written.add(p);
            out.put(c.getKey(), png);
        }
        return out;
    }

    /** owner read/write, group read; nothing for others. */
    public static void restrict(Path root) throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.forEach(p -> {
                try {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-x---" : "rw-r-----"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
