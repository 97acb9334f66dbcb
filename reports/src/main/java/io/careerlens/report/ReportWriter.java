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

    /**
     * Charts and workbooks are drawn on as many threads as the machine has cores (and its heap
     * allows, see {@link #threads}): drawing is plain CPU work, one office's files at a time (M's 50 offices took 60 of its 80-second report step on
     * one core). The suppliers are still called here, one after the other in their order (they read
     * the student tables in one pass), and at most one office more than there are threads is held.
     * @param outcome the run writing the reports, shown on top of index.html; null when there was no ingest
     */
    public static List<Path> write(Path dir, ReportInput all, List<Supplier<ReportInput>> offices, RunOutcome outcome)
            throws IOException {
        return write(dir, all, offices, outcome,
                threads(offices.size(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory()));
    }

    static List<Path> write(Path dir, ReportInput all, List<Supplier<ReportInput>> offices, RunOutcome outcome, int threads)
            throws IOException {
        Files.createDirectories(dir.resolve("offices"));
        Files.createDirectories(dir.resolve("charts"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "report-drawing");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Semaphore held = new java.util.concurrent.Semaphore(threads + 1);
        List<java.util.concurrent.Future<List<Path>>> drawn = new ArrayList<>();
        try {
            drawn.add(pool.submit(() -> allOffices(dir, all)));
            for (Supplier<ReportInput> s : offices) {
                held.acquireUninterruptibly();
                ReportInput in;
                try {
                    in = s.get();
                } catch (RuntimeException | Error e) {
                    held.release();
                    throw e;
                }
                drawn.add(pool.submit(() -> {
                    try {
                        return office(dir, in, all);
                    } finally {
                        held.release();
                    }
                }));
            }
            List<Path> written = new ArrayList<>();
            for (java.util.concurrent.Future<List<Path>> f : drawn) {
                written.addAll(done(f));
            }
            Path index = dir.resolve("index.html");
            Files.writeString(index, IndexPage.html(Suppression.publish(all), outcome), StandardCharsets.UTF_8);
            written.add(index);
            restrict(dir);
            return written;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Drawing threads: one per core, one per workbook to write (the offices' and all offices'), and
     * one per whole GiB of heap. Each thread holds a workbook whole (POI): on M, a second thread
     * raised the report's peak RSS by 0.3 GB. A driver with spark-submit's default 1 GB heap draws
     * one office at a time, as before, whatever its cores.
     */
    static int threads(int offices, int cores, long maxHeapBytes) {
        return (int) Math.max(1, Math.min(Math.min(cores, offices + 1), maxHeapBytes >> 30));
    }

    private static List<Path> allOffices(Path dir, ReportInput all) throws IOException {
        List<Path> written = new ArrayList<>();
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
        return written;
    }

    private static List<Path> office(Path dir, ReportInput in, ReportInput all) throws IOException {
        List<Path> written = new ArrayList<>();
        Map<String, byte[]> oc = charts(in, in.office().name(), dir.resolve("charts").resolve(in.office().id()), written);
        Path ob = dir.resolve("offices").resolve(in.office().id() + ".xlsx");
        WorkbookWriter.write(in, all, oc, ob);
        written.add(ob);
        Path page = dir.resolve("offices").resolve(in.office().id() + ".html");
        Files.writeString(page, IndexPage.officeHtml(in), StandardCharsets.UTF_8);
        written.add(page);
        return written;
    }

    /** a drawing's files, its failure thrown as it was raised */
    private static List<Path> done(java.util.concurrent.Future<List<Path>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the reports were drawn", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IOException(e.getCause());
        }
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
