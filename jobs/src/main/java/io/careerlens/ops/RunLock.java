package io.careerlens.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.careerlens.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One run at a time per warehouse: {@code <warehouse>/_careerlens.lock}, created exclusively,
 * names the process holding it. A lock left by a process that is gone (same host, pid not
 * running) or older than the stale limit is taken over with a warning.
 */
public final class RunLock implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(RunLock.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String FILE = "_careerlens.lock";

    private final FileSystem fs;
    private final Path path;
    private final String runId;
    private boolean held = true;

    private RunLock(FileSystem fs, Path path, String runId) {
        this.fs = fs;
        this.path = path;
        this.runId = runId;
    }

    public static RunLock acquire(Configuration hadoop, String warehouse, String command, String runId, Duration staleAfter) {
        try {
            Path dir = new Path(warehouse);
            FileSystem fs = dir.getFileSystem(hadoop);
            fs.mkdirs(dir);
            Path path = new Path(dir, FILE);
            String me = JSON.createObjectNode().put("pid", ProcessHandle.current().pid()).put("host", host())
                    .put("command", command).put("run_id", runId).put("started_at", Instant.now().toString()).toString();
            for (int attempt = 0; attempt < 2; attempt++) {
                if (create(fs, path, me)) {
                    return new RunLock(fs, path, runId);
                }
                JsonNode holder = read(fs, path);
                if (holder == null && young(fs, path)) {
                    // being written by a run that has just created it: that run holds the lock
                    throw new ConfigException("another CareerLens run is taking the warehouse lock " + path
                            + " right now; wait for it to finish");
                }
                String who = holder == null ? "an unknown process" : "pid " + holder.path("pid").asText() + " on "
                        + holder.path("host").asText() + " ('" + holder.path("command").asText() + "', run "
                        + holder.path("run_id").asText() + ", started " + holder.path("started_at").asText() + ")";
                if (holder != null && !stale(holder, staleAfter)) {
                    throw new ConfigException("another CareerLens run holds the warehouse lock " + path + ": " + who
                            + "; wait for it to finish (or remove the lock file if that process is gone)");
                }
                LOG.warn("taking over a stale lock left by {}", who);
                fs.rename(path, new Path(dir, FILE + ".stale-" + runId));
            }
            throw new ConfigException("could not take the warehouse lock " + path + ": another run took it first");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the warehouse " + warehouse + ": " + e.getMessage(), e);
        }
    }

    /** exclusive create: O_EXCL on a local disk, create-if-absent elsewhere. */
    private static boolean create(FileSystem fs, Path path, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (fs instanceof LocalFileSystem local) {
            // the content is written first and the lock appears whole, with one hard link (atomic,
            // and refused when the lock exists): a reader never sees an empty lock and takes it as stale
            java.nio.file.Path p = local.pathToFile(path).toPath();
            java.nio.file.Path tmp = Files.createTempFile(p.getParent(), FILE + ".", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.createLink(p, tmp);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        try (OutputStream out = fs.create(path, false)) {
            out.write(bytes);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    /** a lock file created in the last minute (its content may still be on its way). */
    private static boolean young(FileSystem fs, Path path) {
        try {
            return fs.getFileStatus(path).getModificationTime() > System.currentTimeMillis() - 60_000;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonNode read(FileSystem fs, Path path) {
        try (InputStream in = fs.open(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            return null;
        }
    }

    static boolean stale(JsonNode holder, Duration staleAfter) {
        try {
            if (Instant.parse(holder.path("started_at").asText()).isBefore(Instant.now().minus(staleAfter))) {
                return true;
            }
        } catch (RuntimeException e) {
            return true;
        }
        return holder.path("host").asText().equals(host())
                && ProcessHandle.of(holder.path("pid").asLong()).map(p -> !p.isAlive()).orElse(true);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public void close() {
        if (!held) {
            return;
        }
        held = false;
        try {
            JsonNode holder = read(fs, path);
            if (holder != null && runId.equals(holder.path("run_id").asText())) {
                fs.delete(path, false);
            }
        } catch (IOException e) {
            LOG.warn("could not release the lock {}: {}", path, e.getMessage());
        }
    }
}
