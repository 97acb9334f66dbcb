package io.careerlens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.careerlens.contract.Entity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FileBinsTest {
    private static final long MB = 1L << 20;

    private static InboxFile file(String office, long size) {
        return new InboxFile("file:/in/" + office + "/2026-01-01/events.csv", office + "/2026-01-01/events.csv", office,
                LocalDate.parse("2026-01-01"), Entity.EVENTS, size, "c", 0);
    }

    private static List<String> offices(List<InboxFile> bin) {
        return bin.stream().map(InboxFile::officeId).toList();
    }

    @Test
    void smallFilesFillOneBinPerCoreEachFileOnce() {
        List<InboxFile> files = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> files.add(file(String.format("o%02d", i), 1000 + i)));
        List<List<InboxFile>> bins = FileBins.pack(files, 2, 16 * MB);
        assertEquals(2, bins.size());
        // largest first into the lightest bin: o11, o10 open the bins, o09 joins o10's...
        assertEquals(List.of("o00", "o03", "o04", "o07", "o08", "o11"), offices(bins.get(0)));
        assertEquals(List.of("o01", "o02", "o05", "o06", "o09", "o10"), offices(bins.get(1)));
    }

    @Test
    void bytesOpenMoreBinsButNeverMoreThanFiles() {
        // 100 MB over 16 MB bins: 7 bins, although there are 2 cores, and 8 for whole waves of tasks
        List<InboxFile> files = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> files.add(file("o" + i, 10 * MB)));
        List<List<InboxFile>> bins = FileBins.pack(files, 2, 16 * MB);
        assertEquals(List.of(2, 2, 1, 1, 1, 1, 1, 1), bins.stream().map(List::size).toList());
        assertEquals(List.of(4, 3, 3), FileBins.pack(files, 3, 64 * MB).stream().map(List::size).toList());
        // three files over the target: one bin each (60 MB would open four)
        List<InboxFile> large = List.of(file("a", 20 * MB), file("b", 20 * MB), file("c", 20 * MB));
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c")),
                FileBins.pack(large, 2, 16 * MB).stream().map(FileBinsTest::offices).toList());
        // one file, eight cores: one bin
        assertEquals(1, FileBins.pack(files.subList(0, 1), 8, 16 * MB).size());
        assertEquals(List.of(), FileBins.pack(List.of(), 2, 16 * MB));
    }
}
