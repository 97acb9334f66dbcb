package io.careerlens.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.careerlens.testing.SparkTestSession;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSystemWithoutForksTest {
    @TempDir
    Path tmp;

    private static org.apache.hadoop.fs.Path hadoop(Path p) {
        return new org.apache.hadoop.fs.Path(p.toUri());
    }

    private static RawLocalFileSystem raw(RawLocalFileSystem fs) throws IOException {
        fs.initialize(URI.create("file:///"), new Configuration());
        return fs;
    }

    @Test
    void permissionsAreSetAndLinkStatusesAreHadoopsOwn() throws IOException {
        RawLocalFileSystem ours = raw(new LocalFileSystemWithoutForks.Raw());
        RawLocalFileSystem hadoops = raw(new RawLocalFileSystem());
        Path file = Files.writeString(tmp.resolve("file.txt"), "twelve bytes");
        ours.setPermission(hadoop(file), new FsPermission((short) 0640));
        assertEquals(PosixFilePermissions.fromString("rw-r-----"), Files.getPosixFilePermissions(file));
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        ours.setPermission(hadoop(dir), new FsPermission((short) 0750));
        assertEquals(PosixFilePermissions.fromString("rwxr-x---"), Files.getPosixFilePermissions(dir));
        // a sticky bit, which Java cannot set, goes through Hadoop's own chmod
        ours.setPermission(hadoop(dir), new FsPermission((short) 01755));
        assertEquals(PosixFilePermissions.fromString("rwxr-xr-x"), Files.getPosixFilePermissions(dir));
        assertTrue(hadoops.getFileStatus(hadoop(dir)).getPermission().getStickyBit());

        Path link = Files.createSymbolicLink(tmp.resolve("link"), file);
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("gone"));
        for (Path p : List.of(file, dir, link, dangling, tmp.resolve("missing"))) {
            assertEquals(linkStatus(hadoops, p), linkStatus(ours, p), p.toString());
        }
        assertEquals(12, ours.getFileLinkStatus(hadoop(file)).getLen());
        assertThrows(FileNotFoundException.class, () -> ours.getFileLinkStatus(hadoop(tmp.resolve("missing"))));
    }

    /** What a caller learns from the link status: its kind, length and path, or the exception's kind. */
    private static List<Object> linkStatus(RawLocalFileSystem fs, Path p) {
        try {
            FileStatus s = fs.getFileLinkStatus(hadoop(p));
            return List.of(s.isFile(), s.isDirectory(), s.isSymlink(), s.getLen(), s.getPath());
        } catch (IOException e) {
            return List.of(e.getClass());
        }
    }

    @Test
    void deltaCommitsAndRenamesOnTheLocalFileSystemStartNoProcess() throws Exception {
        SparkSession spark = SparkTestSession.get();
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        assertEquals(LocalFileSystemWithoutForks.class, FileSystem.get(URI.create("file:///"), conf).getClass());

        // the probe sees a process when one starts: Hadoop's own raw file system runs chmod
        List<RecordedEvent> control = processesStartedBy(() ->
                raw(new RawLocalFileSystem()).setPermission(hadoop(Files.writeString(tmp.resolve("c"), "c")),
                        new FsPermission((short) 0600)));
        assertTrue(control.size() >= 1, "the probe records process starts");

        String table = tmp.resolve("t").toUri().toString();
        // Spark reads the page size once per JVM with `getconf`: let that happen before the probe
        spark.range(3).write().format("delta").mode("append").save(table);
        List<RecordedEvent> started = processesStartedBy(() -> {
            spark.range(3).write().format("delta").mode("append").save(table);
            FileContext fc = FileContext.getFileContext(conf);
            org.apache.hadoop.fs.Path from = hadoop(tmp.resolve("from"));
            fc.create(from, java.util.EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE)).close();
            fc.rename(from, hadoop(tmp.resolve("to")), Options.Rename.NONE);
        });
        // Spark's context cleaner deletes the artifact folder of a session an earlier test let go
        // (`rm -rf /tmp/artifacts-...`) on its own thread, whenever the collector finds the session
        assertEquals(List.of(), started.stream().map(e -> e.getString("command"))
                .filter(c -> !c.matches("rm -rf .*/artifacts-[^/]+/[^/]+")).toList());
        assertEquals(6, spark.read().format("delta").load(table).count());
        assertTrue(Files.exists(tmp.resolve("to")));
    }

    private interface Work {
        void run() throws Exception;
    }

    private List<RecordedEvent> processesStartedBy(Work work) throws Exception {
        Path dump = tmp.resolve("processes-" + System.nanoTime() + ".jfr");
        try (Recording r = new Recording()) {
            r.enable("jdk.ProcessStart").withStackTrace();
            r.start();
            work.run();
            r.stop();
            r.dump(dump);
        }
        return RecordingFile.readAllEvents(dump);
    }
}
