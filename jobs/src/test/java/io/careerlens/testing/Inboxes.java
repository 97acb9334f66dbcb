package io.careerlens.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Small helpers to lay out inbox files in tests. */
public final class Inboxes {
    private Inboxes() {
    }

    public static Path write(Path inbox, String office, String date, String file, String... lines) {
        try {
            Path p = inbox.resolve(office).resolve(date).resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies a folder; with {@link java.nio.file.StandardCopyOption#COPY_ATTRIBUTES} the files keep
     * their modification times, so a copied warehouse's commits compare as the original's do.
     */
    public static void copyTree(Path from, Path to, java.nio.file.CopyOption... options) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t, options);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
