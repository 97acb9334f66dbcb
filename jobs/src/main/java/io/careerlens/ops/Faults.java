package io.careerlens.ops;

/**
 * Fault injection for recovery tests. {@code CAREERLENS_KILL_AT=<step>} halts the process at that
 * step as a SIGKILL would (no clean-up runs); the system property {@code careerlens.fail_at}
 * throws instead, for in-process tests. Steps: ingest.after_rejects, ingest.after_versions,
 * ingest.before_ledger, ingest.done, metrics.after_first_table, metrics.done, report.done,
 * publish.before_link.
 */
public final class Faults {
    private Faults() {
    }

    /** Thrown at an injected step: stands for the process dying there. */
    public static final class SimulatedKill extends Error {
        public SimulatedKill(String step) {
            super("simulated kill at " + step);
        }
    }

    public static void at(String step) {
        if (step.equals(System.getenv("CAREERLENS_KILL_AT"))) {
            System.err.println("careerlens: CAREERLENS_KILL_AT=" + step + ": halting the process now");
            Runtime.getRuntime().halt(137);
        }
        if (step.equals(System.getProperty("careerlens.fail_at"))) {
            throw new SimulatedKill(step);
        }
    }
}
