package io.careerlens.warehouse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system (checksummed, as {@link LocalFileSystem}) without a process per call.
 * Without Hadoop's native library, {@link RawLocalFileSystem} runs {@code chmod} for every file and
 * directory it creates and {@code readlink} twice for every rename, and each Delta commit renames
 * two files: about 1 000 processes in a sample nightly, 8 ms each on a two-core machine
 * (docs/performance.md). Java's own file API does the same two things in the process.
 */
public final class LocalFileSystemWithoutForks extends LocalFileSystem {
    /** The Hadoop settings that put both of Hadoop's file-system APIs for {@code file:} here. */
    public static final Map<String, String> SETTINGS = Map.of(
            "fs.file.impl", LocalFileSystemWithoutForks.class.getName(),
            "fs.AbstractFileSystem.file.impl", Fs.class.getName());

    public LocalFileSystemWithoutForks() {
        super(new Raw());
    }

    /** The raw (unchecksummed) file system underneath. */
    public static final class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            if (permission.getStickyBit()) {
                super.setPermission(p, permission); // Java's POSIX permissions have no sticky bit
                return;
            }
            try {
                Files.setPosixFilePermissions(pathToFile(p).toPath(), PosixFilePermissions.fromString(
                        permission.getUserAction().SYMBOL + permission.getGroupAction().SYMBOL
                                + permission.getOtherAction().SYMBOL));
            } catch (UnsupportedOperationException notPosix) {
                super.setPermission(p, permission); // Windows: Hadoop's own way
            }
        }

        /** A path that is not a symbolic link has the same status as through {@link #getFileStatus}. */
        @Override
        public FileStatus getFileLinkStatus(Path f) throws IOException {
            if (Files.isSymbolicLink(pathToFile(f).toPath())) {
                return super.getFileLinkStatus(f);
            }
            return getFileStatus(f);
        }
    }

    /**
     * The {@code FileContext} side (Delta's log store and Spark's checkpoint files use it): Hadoop's
     * {@code LocalFs} over {@link Raw}, with {@code RawLocalFs}'s answers for the local file system.
     */
    public static final class Fs extends ChecksumFs {
        public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(new RawFs(uri, conf));
        }
    }

    static final class RawFs extends DelegateToFileSystem {
        RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
            super(uri, new Raw(), conf, "file", false);
        }

        @Override
        public int getUriDefaultPort() {
            return -1;
        }

        @Override
        public FsServerDefaults getServerDefaults(Path f) throws IOException {
            return LocalConfigKeys.getServerDefaults();
        }

        @Override
        @SuppressWarnings("deprecation")
        public FsServerDefaults getServerDefaults() throws IOException {
            return LocalConfigKeys.getServerDefaults();
        }

        /** Local file systems differ in what they accept: the operating system decides, as in RawLocalFs. */
        @Override
        public boolean isValidName(String src) {
            return true;
        }
    }
}
