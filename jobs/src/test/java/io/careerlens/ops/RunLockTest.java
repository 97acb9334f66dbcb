package io.careerlens.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.careerlens.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path wh;

    private RunLock acquire(String runId) {
        return RunLock.acquire(io.careerlens.warehouse.HadoopConf.get(), wh.toString(), "nightly", runId, Duration.ofHours(12));
    }

    @org.junit.jupiter.api.RepeatedTest(25) // a race: one round passed even when a reader could see a half-written lock
    void ofRunsStartingTogetherExactlyOneProceeds() throws Exception {
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<RunLock>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "run-" + i;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    return acquire(id);
                } catch (ConfigException e) {
                    assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
                    return null;
                }
            }));
        }
        go.countDown();
        List<RunLock> held = new ArrayList<>();
        for (Future<RunLock> f : results) {
            if (f.get() != null) {
                held.add(f.get());
            }
        }
        pool.shutdown();
        assertEquals(1, held.size());
        held.get(0).close();
        assertTrue(!Files.exists(wh.resolve(RunLock.FILE)), "released");
        acquire("after").close();
    }

    @Test
    void aLockLeftByADeadProcessIsTakenOver() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        Files.writeString(wh.resolve(RunLock.FILE), "{\"pid\":" + p.pid() + ",\"host\":\""
                + java.net.InetAddress.getLocalHost().getHostName() + "\",\"command\":\"nightly\",\"run_id\":\"old\","
                + "\"started_at\":\"" + java.time.Instant.now() + "\"}");
        try (RunLock lock = acquire("new")) {
            assertTrue(Files.readString(wh.resolve(RunLock.FILE)).contains("\"run_id\":\"new\""));
        }
    }

    @Test
    void aLiveHolderIsNamedAndAVeryOldLockIsStale() throws Exception {
        try (RunLock first = acquire("first")) {
            String m = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> acquire("second")).getMessage();
            assertTrue(m.contains("'nightly'") && m.contains("run first"), m);
        }
        Files.writeString(wh.resolve(RunLock.FILE), "{\"pid\":1,\"host\":\"elsewhere\",\"command\":\"nightly\","
                + "\"run_id\":\"x\",\"started_at\":\"2020-01-01T00:00:00Z\"}");
        acquire("later").close();
    }
}
