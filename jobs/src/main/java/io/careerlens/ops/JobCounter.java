package io.careerlens.ops;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * Counts the Spark jobs a run starts (every action, every adaptive query stage, every Delta
 * commit's own queries): the figure the benchmark reports and the job budget tests guard, so a
 * change that adds a scan shows up as a number, not as a feeling that things got slower.
 */
public final class JobCounter extends SparkListener {
    private final AtomicLong jobs = new AtomicLong();

    /** registers a new counter on the context; it counts from now on. */
    public static JobCounter on(SparkContext context) {
        JobCounter c = new JobCounter();
        context.addSparkListener(c);
        return c;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
    }

    /** jobs started so far, once every event posted has been delivered (the listener bus is asynchronous). */
    public long settled(SparkContext context) {
        try {
            context.listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            // the figure is for people and budgets, not for correctness: report what arrived
        }
        return jobs.get();
    }

    /** stops counting. */
    public void remove(SparkContext context) {
        context.removeSparkListener(this);
    }
}
