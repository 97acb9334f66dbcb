package io.careerlens.ingest;

import io.careerlens.contract.Entity;
import io.careerlens.config.Config;
import io.careerlens.config.ConfigException;
import io.careerlens.config.ConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists {@code <inbox>/<office_id>/<export_date>/<entity>.csv} (SPEC 1). Anything else is a skipped
 * path with its reason; nothing here is fatal except an inbox that does not exist.
 */
public final class InboxScanner {
    private static final org.apache.logging.log4j.Logger LOG = org.apache.logging.log4j.LogManager.getLogger(InboxScanner.class);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public record Result(List<InboxFile> files, List<SkippedPath> skipped) {
        /** every skipped path in the log, with its reason. */
        public void logSkipped() {
            skipped.forEach(s -> LOG.warn("skipped {}: {}", s.path(), s.reason()));
        }
    }

    private InboxScanner() {
    }

    public static Result scan(String inbox, Config config, Configuration hadoop) {
        return scan(inbox, config, hadoop, Map.of());
    }

    /**
     * @param known what the ledger holds per path: a file with the same size and modification time
     *              keeps its recorded checksum and is not read; any other file is read once to hash it
     */
    public static Result scan(String inbox, Config config, Configuration hadoop, Map<String, InboxFile.Stamp> known) {
        List<InboxFile> files = new ArrayList<>();
        List<SkippedPath> skipped = new ArrayList<>();
        try {
            Path root = new Path(inbox);
            FileSystem fs = root.getFileSystem(hadoop);
            if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
                throw new ConfigException("inbox not found or not a folder: " + inbox);
            }
            root = fs.getFileStatus(root).getPath();
            for (FileStatus office : list(fs, root, "", skipped)) {
                String id = office.getPath().getName();
                if (!office.isDirectory()) {
                    skipped.add(new SkippedPath(id, "not an office folder (files belong in <office_id>/<YYYY-MM-DD>/)"));
                } else if (!ConfigLoader.OFFICE_ID.matcher(id).matches()) {
                    skipped.add(new SkippedPath(id + "/", "office folder name must match [A-Za-z0-9_-]{1,64}"));
                } else if (config.office(id) == null) {
                    skipped.add(new SkippedPath(id + "/", "office '" + id + "' is not in the configuration (add it under offices:)"));
                } else {
                    scanOffice(fs, office, id, files, skipped, known);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list inbox " + inbox + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing(InboxFile::officeId).thenComparing(InboxFile::exportDate)
                .thenComparing(InboxFile::entity));
        return new Result(files, skipped);
    }

    private static void scanOffice(FileSystem fs, FileStatus office, String id, List<InboxFile> files,
                                   List<SkippedPath> skipped, Map<String, InboxFile.Stamp> known) throws IOException {
        for (FileStatus day : list(fs, office.getPath(), id + "/", skipped)) {
            String name = day.getPath().getName();
            String rel = id + "/" + name;
            LocalDate exportDate = exportDate(name);
            if (!day.isDirectory()) {
                skipped.add(new SkippedPath(rel, "not an export folder (expected a YYYY-MM-DD folder)"));
            } else if (exportDate == null) {
                skipped.add(new SkippedPath(rel + "/", "export folder name is not a YYYY-MM-DD date"));
            } else {
                for (FileStatus f : list(fs, day.getPath(), rel + "/", skipped)) {
                    String fname = f.getPath().getName();
                    var entity = Entity.byFileName(fname.toLowerCase(Locale.ROOT));
                    if (f.isDirectory() || entity.isEmpty()) {
                        skipped.add(new SkippedPath(rel + "/" + fname + (f.isDirectory() ? "/" : ""),
                                "not an export file (expected students.csv, contacts.csv or events.csv)"));
                    } else if (fs instanceof LocalFileSystem local && !Files.isRegularFile(local.pathToFile(f.getPath()).toPath())) {
                        // a named pipe or device would block the run forever when read
                        skipped.add(new SkippedPath(rel + "/" + fname, "not a regular file (a pipe or device?): "
                                + "replace it with the export file"));
                    } else {
                        try {
                            String path = rel + "/" + fname;
                            InboxFile.Stamp stamp = known.get(path);
                            String sum = stamp != null && stamp.size() == f.getLen() && stamp.modifiedAt() == f.getModificationTime()
                                    ? stamp.checksum() : checksum(fs, f.getPath());
                            files.add(new InboxFile(f.getPath().toString(), path, id, exportDate, entity.get(), f.getLen(),
                                    sum, f.getModificationTime()));
                        } catch (IOException e) {
                            skipped.add(new SkippedPath(rel + "/" + fname, "cannot be read (" + e.getMessage()
                                    + "): check the file's permissions"));
                        }
                    }
                }
            }
        }
    }

    private static LocalDate exportDate(String name) {
        if (!DATE.matcher(name).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(name);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The entries of a folder, by name. A folder that cannot be listed, and entries the file system
     * names but cannot open (a symbolic link pointing nowhere or to itself), are skipped paths with
     * their reason: Hadoop's local file system would leave them out without a word.
     */
    private static List<FileStatus> list(FileSystem fs, Path dir, String rel, List<SkippedPath> skipped) {
        FileStatus[] entries;
        try {
            entries = fs.listStatus(dir);
        } catch (IOException e) {
            skipped.add(new SkippedPath(rel.isEmpty() ? "." : rel, "cannot be listed (" + e.getMessage()
                    + "): check the folder's permissions"));
            return List.of();
        }
        List<FileStatus> sorted = Arrays.stream(entries).sorted(Comparator.comparing(s -> s.getPath().getName())).toList();
        if (fs instanceof LocalFileSystem local) {
            Set<String> seen = new HashSet<>();
            sorted.forEach(s -> seen.add(s.getPath().getName()));
            String[] names = local.pathToFile(dir).list();
            for (String name : names == null ? new String[0] : names) {
                // Hadoop hides its own .crc side files; anything else it left out could not be opened
                if (!seen.contains(name) && !(name.startsWith(".") && name.endsWith(".crc"))) {
                    skipped.add(new SkippedPath(rel + name, unreadable(local.pathToFile(dir).toPath().resolve(name))));
                }
            }
        }
        return sorted;
    }

    private static String unreadable(java.nio.file.Path p) {
        if (!Files.isSymbolicLink(p)) {
            return "cannot be read: check its permissions";
        }
        try {
            p.toRealPath();
            return "cannot be read: check its permissions";
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().toLowerCase(Locale.ROOT).contains("levels of symbolic links")) {
                return "a symbolic link that loops back on itself: replace it with the export file";
            }
            return "a symbolic link to " + target(p) + ", which does not exist: replace it with the export file";
        } catch (IOException e) {
            return "a symbolic link that cannot be followed (" + e.getMessage() + ")";
        }
    }

    private static String target(java.nio.file.Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "an unreadable target";
        }
    }

    static String checksum(FileSystem fs, Path path) throws IOException {
        try (InputStream in = new DigestInputStream(fs.open(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
