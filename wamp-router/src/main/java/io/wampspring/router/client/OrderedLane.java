package io.wampspring.router.client;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared executor, with a bounded backlog: a slow event handler
 * keeps its order without holding a thread while idle, and cannot grow the heap without bound.
 */
final class OrderedLane implements Runnable {

    private static final Logger logger = LoggerFactory.getLogger(OrderedLane.class);

    /** Tasks run per turn before the lane yields its thread to other work. */
    private static final int BATCH = 64;

    private final Executor executor;
    private final int capacity;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    OrderedLane(Executor executor, int capacity) {
        this.executor = executor;
        this.capacity = capacity;
    }

    /** Queues a task; false when the backlog is full and the task was not taken. */
    boolean submit(Runnable task) {
        synchronized (this) {
            if (tasks.size() >= capacity) {
                return false;
            }
            tasks.add(task);
            if (scheduled) {
                return true;
            }
            scheduled = true;
        }
        schedule();
        return true;
    }

    /** Queues a task whatever the backlog: for the one task that must not be dropped (a call's final answer). */
    void submitLast(Runnable task) {
        synchronized (this) {
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            executor.execute(this);
        }
        catch (RejectedExecutionException ex) {
            synchronized (this) {
                tasks.clear();
                scheduled = false;
            }
            logger.debug("Executor rejected an ordered task; dropping the backlog", ex);
        }
    }

    @Override
    public void run() {
        for (int i = 0; i < BATCH; i++) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
                if (task == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                task.run();
            }
            catch (RuntimeException ex) {
                logger.error("Ordered task failed", ex);
            }
            catch (Error error) {
                // keep the lane alive for the tasks behind this one, then let the error go on
                schedule();
                throw error;
            }
        }
        schedule();
    }
}
