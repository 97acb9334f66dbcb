package io.careerlens.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Publishes a run's report folder: everything is written under {@code <reports>/.staging/} first,
 * checked, then renamed into place, so a reader (or a run killed half-way) never sees a partial
 * folder. {@code <reports>/latest} is a symbolic link swapped in one rename.
 */
public final class Publisher {
    private static final Logger LOG = LogManager.getLogger(Publisher.class);
    private final Path reports;

    public Publisher(Path reports) {
        this.reports = reports;
    }

    public Path staging(String runId) {
        try {
            Path p = reports.resolve(".staging").resolve(runId);
            Files.createDirectories(p);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + reports + "/.staging: " + e.getMessage(), e);
        }
    }

    /** Fails when an expected file is missing or empty: nothing is published then. */
    public static void check(Path staged, List<String> expected) {
        for (String f : expected) {
            Path p = staged.resolve(f);
            try {
                if (!Files.isRegularFile(p) || Files.size(p) == 0) {
                    throw new IllegalStateException("report file missing or empty, nothing published: " + f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Moves each top-level entry of {@code staged} into {@code <reports>/<folder>}, replacing what
     * was there, then removes the staging folder.
     */
    public Path publish(Path staged, String folder) {
        Path target = reports.resolve(folder);
        try {
            Files.createDirectories(target);
            Path trash = reports.resolve(".trash").resolve(staged.getFileName().toString());
            Files.createDirectories(trash);
            try (Stream<Path> entries = Files.list(staged)) {
                for (Path e : entries.sorted().toList()) {
                    Path dest = target.resolve(e.getFileName().toString());
                    if (Files.exists(dest)) {
                        move(dest, trash.resolve(e.getFileName().toString()));
                    }
                    move(e, dest);
                }
            }
            delete(trash);
            delete(staged);
            ReportWriter.restrict(target);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish reports into " + target + ": " + e.getMessage(), e);
        }
    }

    /** Points {@code <reports>/latest} at the newest published date folder. */
    public void pointLatest(String folder) {
        try {
            Path newest;
            try (Stream<Path> s = Files.list(reports)) {
                newest = s.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}") && Files.isDirectory(p))
                        .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
            }
            if (newest == null) {
                return;
            }
            Path tmp = reports.resolve(".latest-" + folder);
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, newest.getFileName());
            Files.move(tmp, reports.resolve("latest"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not point {}/latest at the newest report: {}", reports, e.getMessage());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
