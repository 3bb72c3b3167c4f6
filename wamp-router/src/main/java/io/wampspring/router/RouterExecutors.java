package io.wampspring.router;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a router uses besides the transports' own: a timer (timeouts, close deadlines), an executor for short
 * hand-offs (completing in-process sessions' futures off the routing thread, leaving a realm after an overflow), and
 * one for closing connections, which on some containers blocks behind a write to a stalled peer. Either the router
 * owns them ({@link #owned()}, bounded, stopped with the router) or the application does ({@link #of}).
 */
public final class RouterExecutors {

    private final ScheduledExecutorService timer;
    private final Executor async;
    private final Executor closer;
    private final boolean owned;

    private RouterExecutors(ScheduledExecutorService timer, Executor async, Executor closer, boolean owned) {
        this.timer = timer;
        this.async = async;
        this.closer = closer;
        this.owned = owned;
    }

    /** Executors the application owns and stops; the router never shuts them down. */
    public static RouterExecutors of(ScheduledExecutorService timer, Executor async, Executor closer) {
        return new RouterExecutors(timer, async, closer, false);
    }

    /** Bounded executors the router owns: one timer thread, and small pools whose idle threads end. */
    public static RouterExecutors owned() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("wamp-router-timer"));
        timer.setRemoveOnCancelPolicy(true);
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        return new RouterExecutors(timer, pool(threads, "wamp-router-async-"), pool(threads, "wamp-router-close-"),
                true);
    }

    private static ThreadPoolExecutor pool(int threads, String prefix) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemon(prefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
            thread.setDaemon(true);
            return thread;
        };
    }

    public ScheduledExecutorService timer() {
        return timer;
    }

    /** For short, non-blocking hand-offs. */
    public Executor async() {
        return async;
    }

    /** For closing connections, which may block. */
    public Executor closer() {
        return closer;
    }

    /** Stops the executors if the router owns them. */
    void shutdown() {
        if (!owned) {
            return;
        }
        timer.shutdownNow();
        ((ExecutorService) async).shutdown();
        ((ExecutorService) closer).shutdown();
    }
}
