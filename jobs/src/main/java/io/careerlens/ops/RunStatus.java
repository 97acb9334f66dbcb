package io.careerlens.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * How each run ended, kept in the warehouse ({@code <warehouse>/_careerlens/runs/<run-id>-<command>.json}
 * and {@code last-run.json}) because the warehouse is the one place every mode shares: under
 * spark-submit in cluster deploy mode the driver runs on some worker and spark-submit's own exit
 * status says nothing about the application, so the operator reads this file instead
 * ({@code hdfs dfs -cat <warehouse>/_careerlens/last-run.json}).
 */
public final class RunStatus {
    private static final Logger LOG = LogManager.getLogger(RunStatus.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String FOLDER = "_careerlens/runs";
    public static final String LAST = "_careerlens/last-run.json";

    private RunStatus() {
    }

    /** what an exit status means, in the words of the README. */
    public static String meaning(int exitStatus) {
        return switch (exitStatus) {
            case 0 -> "ok";
            case 3 -> "ok, data-quality gate tripped";
            case 2 -> "not run: usage, configuration or lock";
            default -> "failed";
        };
    }

    /** Writes the status; a failure to write is logged, never allowed to change the run's exit status. */
    public static void write(Configuration hadoop, String warehouse, String runId, String command, Instant started,
                             int exitStatus, String error, java.nio.file.Path logFile) {
        ObjectNode s = JSON.createObjectNode();
        s.put("run_id", runId);
        s.put("command", command);
        s.put("exit_status", exitStatus);
        s.put("status", meaning(exitStatus));
        s.put("error", error);
        s.put("started_at", started.toString());
        s.put("ended_at", Instant.now().toString());
        s.put("host", host());
        s.put("log_file", logFile == null ? null : logFile.toString());
        byte[] bytes = s.toPrettyString().getBytes(StandardCharsets.UTF_8);
        try {
            Path root = new Path(warehouse);
            FileSystem fs = root.getFileSystem(hadoop);
            write(fs, new Path(new Path(root, FOLDER), runId + "-" + command + ".json"), bytes);
            write(fs, new Path(root, LAST), bytes);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not record the run's status in {}: {}", warehouse, e.getMessage());
        }
    }

    private static void write(FileSystem fs, Path file, byte[] bytes) throws IOException {
        try (OutputStream out = fs.create(file, true)) {
            out.write(bytes);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
