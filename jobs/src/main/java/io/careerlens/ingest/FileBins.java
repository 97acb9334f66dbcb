package io.careerlens.ingest;

import io.careerlens.config.Config;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;

/**
 * Export files grouped into the tasks that parse them. Every task costs Spark a fixed amount (its
 * code sent and read back, a thread, a result), whatever its file's size: the sample's 12 files of
 * an entity, a few kB each, were 12 tasks in each of the several jobs over the parsed rows. Files
 * are packed into as many bins as there are cores, or more when their bytes need it (a multiple of
 * the cores), never more than one bin per file; a file is never split, so each is still parsed
 * whole by one task.
 */
final class FileBins {
    /** bytes of export files a bin holds before another is opened (large files get a bin each). */
    static final long TARGET_BYTES = 8L << 20;

    private FileBins() {
    }

    /**
     * The files in bins of about equal bytes: the largest first, each into the lightest bin; within a
     * bin, in path order. Deterministic for the same files.
     */
    static List<List<InboxFile>> pack(List<InboxFile> files, int cores, long targetBytes) {
        long total = files.stream().mapToLong(InboxFile::size).sum();
        long byBytes = Math.max(cores, (total + targetBytes - 1) / targetBytes);
        // whole waves of tasks: three bins on two cores would leave one core idle for the last
        long wanted = (byBytes + cores - 1) / cores * cores;
        int count = (int) Math.max(1, Math.min(files.size(), wanted));
        List<List<InboxFile>> bins = new ArrayList<>();
        long[] bytes = new long[count];
        for (int i = 0; i < count; i++) {
            bins.add(new ArrayList<>());
        }
        List<InboxFile> bySize = new ArrayList<>(files);
        bySize.sort(Comparator.comparingLong(InboxFile::size).reversed().thenComparing(InboxFile::path));
        for (InboxFile f : bySize) {
            int lightest = 0;
            for (int i = 1; i < count; i++) {
                if (bytes[i] < bytes[lightest]) {
                    lightest = i;
                }
            }
            bins.get(lightest).add(f);
            bytes[lightest] += f.size();
        }
        bins.removeIf(List::isEmpty);
        bins.forEach(b -> b.sort(Comparator.comparing(InboxFile::path)));
        return bins;
    }

    /** The parsed rows of a bin's files, one file after the other: one file open at a time. */
    static final class Rows implements Iterator<Row> {
        private final Iterator<InboxFile> files;
        private final Config config;
        private final Configuration hadoop;
        private FileParser current;

        Rows(List<InboxFile> files, Config config, Configuration hadoop) {
            this.files = files.iterator();
            this.config = config;
            this.hadoop = hadoop;
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (!files.hasNext()) {
                    return false;
                }
                InboxFile f = files.next();
                current = new FileParser(f, config.office(f.officeId()), hadoop);
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
