package io.wampspring.router.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Yield;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One invocation of a procedure a {@link LocalSession} registered, as its handler sees it: the INVOCATION, a way to
 * send progressive results, and the cancellation the caller (or a timeout) may ask for.
 */
public final class LocalInvocation {

    private static final Logger logger = LoggerFactory.getLogger(LocalInvocation.class);

    private final Invocation message;
    private final Consumer<Yield> send;
    private final List<Consumer<String>> cancelListeners = new CopyOnWriteArrayList<>();
    private volatile @Nullable String cancelMode;
    private volatile boolean answered;
    private @Nullable Thread runner;
    /** Guarded by this: the runner is sending a progressive result; an interrupt waits for the send to end. */
    private boolean runnerSending;
    private boolean interruptAfterSend;

    LocalInvocation(Invocation message, Consumer<Yield> send) {
        this.message = message;
        this.send = send;
    }

    public Invocation message() {
        return message;
    }

    public Payload payload() {
        return message.payload();
    }

    public Map<String, Object> details() {
        return message.details();
    }

    public long registration() {
        return message.registration();
    }

    /** The URI that was called, for a pattern registration; null for an exact one (its URI is the registered one). */
    public @Nullable String procedure() {
        return details().get("procedure") instanceof String procedure ? procedure : null;
    }

    /** Whether the caller asked for progressive results. */
    public boolean receivesProgress() {
        return Boolean.TRUE.equals(details().get("receive_progress"));
    }

    /**
     * Sends a progressive result. Ignored when the caller did not ask for progress, or once the invocation has been
     * answered or canceled; returns whether it was sent.
     */
    public boolean progress(Payload payload) {
        boolean byRunner;
        synchronized (this) {
            if (!receivesProgress() || answered || cancelMode != null) {
                return false;
            }
            byRunner = runner == Thread.currentThread();
            if (byRunner) {
                runnerSending = true;
            }
        }
        try {
            send.accept(new Yield(message.request(), Map.of("progress", true), payload));
        }
        finally {
            if (byRunner) {
                synchronized (this) {
                    runnerSending = false;
                    if (interruptAfterSend) {
                        interruptAfterSend = false;
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
        return true;
    }

    /** Whether the caller canceled the call (or it timed out): the answer is no longer awaited. */
    public boolean isCanceled() {
        return cancelMode != null;
    }

    /** The INTERRUPT's mode ({@code kill} or {@code killnowait}), or null while not canceled. */
    public @Nullable String cancelMode() {
        return cancelMode;
    }

    /** Runs {@code listener} with the mode when the invocation is canceled (at once if it already is). */
    public void onCancel(Consumer<String> listener) {
        cancelListeners.add(listener);
        String mode = cancelMode;
        if (mode != null && cancelListeners.remove(listener)) {
            listener.accept(mode);
        }
    }

    /** An INTERRUPT arrived: tell the listeners, and interrupt the thread still running the handler. */
    void cancel(String mode) {
        if (cancelMode != null) {
            return;
        }
        cancelMode = mode;
        for (Consumer<String> listener : cancelListeners) {
            if (cancelListeners.remove(listener)) {
                try {
                    listener.accept(mode);
                }
                catch (RuntimeException ex) {
                    logger.warn("Cancel listener of invocation {} failed", message.request(), ex);
                }
            }
        }
        synchronized (this) {
            if (runner != null) {
                // not while it sends a progressive result: an interrupted send loses the caller's connection
                if (runnerSending) {
                    interruptAfterSend = true;
                }
                else {
                    runner.interrupt();
                }
            }
        }
    }

    /** The handler runs on this thread from now until {@link #stopRunning}. */
    synchronized void startRunning() {
        runner = Thread.currentThread();
    }

    /** The handler returned: the thread is no longer ours to interrupt, and leaves no interrupt behind. */
    void stopRunning() {
        synchronized (this) {
            runner = null;
            interruptAfterSend = false;
        }
        Thread.interrupted();
    }

    void answered() {
        answered = true;
    }
}
