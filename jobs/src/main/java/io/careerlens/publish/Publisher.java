package io.careerlens.publish;

import io.careerlens.ops.Faults;
import io.careerlens.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Publishes report folders atomically. A run writes into {@code <reports>/.staging/<run>/}; once
 * checked, that folder becomes the immutable {@code <reports>/.runs/<D>--<run>/}, and
 * {@code <reports>/<D>} — a symbolic link — is switched to it with one rename; {@code latest}
 * likewise. A reader, or a run killed at any instant, sees the old folder or the new one, never
 * a mix. Folders no link points to are removed afterwards.
 */
public final class Publisher {
    private static final Logger LOG = LogManager.getLogger(Publisher.class);
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
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
            throw new UncheckedIOException("cannot create " + reports.resolve(".staging") + ": " + e.getMessage(), e);
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
     * Makes {@code staged} the published folder of {@code date}. Entries of the previously
     * published folder that the staged one lacks are carried over (a metrics-only run keeps the
     * workbooks, a report-only run keeps the metrics).
     */
    public Path publish(Path staged, String date, String runId) {
        Path link = reports.resolve(date);
        Path run = reports.resolve(".runs").resolve(date + "--" + runId);
        try {
            Files.createDirectories(run.getParent());
            if (Files.isDirectory(link)) {
                try (Stream<Path> old = Files.list(link)) {
                    for (Path e : old.toList()) {
                        Path dest = staged.resolve(e.getFileName().toString());
                        if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                            copyTree(e, dest);
                        }
                    }
                }
            }
            ReportWriter.restrict(staged);
            Files.move(staged, run, StandardCopyOption.ATOMIC_MOVE);
            if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
                // a plain folder from an older layout: set it aside, the link takes its place
                Files.move(link, reports.resolve(".runs").resolve(date + "--legacy-" + runId), StandardCopyOption.ATOMIC_MOVE);
            }
            Faults.at("publish.before_link");
            swapLink(link, reports.relativize(run).toString(), runId);
            return link;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the reports of " + date + " in " + reports + ": " + e.getMessage(), e);
        }
    }

    /** Publishes a checked run folder, points latest at the newest date and removes what is no longer needed. */
    public Path publishRun(Path staged, String date, String runId, int retentionDays) {
        Path published = publish(staged, date, runId);
        pointLatest(runId);
        cleanUp(LocalDate.now(), retentionDays, runId);
        return published;
    }

    /** Points {@code <reports>/latest} at the newest published date. */
    public void pointLatest(String runId) {
        try (Stream<Path> s = Files.list(reports)) {
            Path newest = s.filter(p -> p.getFileName().toString().matches(DATE) && Files.isDirectory(p))
                    .max(Comparator.comparing(p -> p.getFileName().toString())).orElse(null);
            if (newest != null) {
                swapLink(reports.resolve("latest"), newest.getFileName().toString(), runId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot point " + reports.resolve("latest") + ": " + e.getMessage(), e);
        }
    }

    private void swapLink(Path link, String target, String runId) throws IOException {
        Path tmp = reports.resolve(".link-" + runId);
        Files.deleteIfExists(tmp);
        Files.createSymbolicLink(tmp, Path.of(target));
        Files.move(tmp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * After a successful publish: removes run folders no date link points to, staging left by
     * killed runs (except {@code keepRun}'s), and dates older than the retention.
     */
    public void cleanUp(LocalDate today, int retentionDays, String keepRun) {
        try {
            Set<String> referenced = new HashSet<>();
            try (Stream<Path> s = Files.list(reports)) {
                for (Path p : s.toList()) {
                    String name = p.getFileName().toString();
                    if (name.matches(DATE) && Files.isSymbolicLink(p)) {
                        if (LocalDate.parse(name).isBefore(today.minusDays(retentionDays))) {
                            Files.delete(p);
                            LOG.info("removed reports of {} (older than {} days)", name, retentionDays);
                        } else {
                            referenced.add(Files.readSymbolicLink(p).getFileName().toString());
                        }
                    } else if (name.startsWith(".link-")) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            Path runs = reports.resolve(".runs");
            if (Files.isDirectory(runs)) {
                try (Stream<Path> s = Files.list(runs)) {
                    for (Path p : s.toList()) {
                        if (!referenced.contains(p.getFileName().toString())) {
                            delete(p);
                        }
                    }
                }
            }
            Path staging = reports.resolve(".staging");
            if (Files.isDirectory(staging)) {
                try (Stream<Path> s = Files.list(staging)) {
                    for (Path p : s.toList()) {
                        if (!p.getFileName().toString().equals(keepRun)) {
                            delete(p);
                        }
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("could not clean up old report folders in {}: {}", reports, e.getMessage());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
