package io.wampspring.router.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.wampspring.router.message.WampMessage;
import org.jspecify.annotations.Nullable;

/**
 * Correlates a local session's requests with the router's replies. Futures complete off the routing thread and off
 * the handlers' executor: a handler that waits for a call it made must not wait for a thread its own kind holds.
 */
final class PendingRequests {

    private final Executor completions;
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();

    PendingRequests(Executor completions) {
        this.completions = completions;
    }

    /** A request awaiting its reply; {@code onReply} turns the reply into the future's value, on the routing thread. */
    record Pending(CompletableFuture<Object> future, Function<WampMessage, @Nullable Object> onReply) {
    }

    void add(long request, CompletableFuture<Object> future, Function<WampMessage, @Nullable Object> onReply) {
        pending.put(request, new Pending(future, onReply));
    }

    @Nullable Pending remove(long request) {
        return pending.remove(request);
    }

    @Nullable Pending get(long request) {
        return pending.get(request);
    }

    /** The reply to a request: applied here, before the next routed message, then completed off this thread. */
    void reply(long request, WampMessage message) {
        Pending waiting = pending.remove(request);
        if (waiting == null) {
            return;
        }
        Object value;
        try {
            value = waiting.onReply().apply(message);
        }
        catch (RuntimeException ex) {
            fail(waiting.future(), ex);
            return;
        }
        complete(waiting.future(), value);
    }

    void fail(long request, Throwable failure) {
        Pending waiting = pending.remove(request);
        if (waiting != null) {
            fail(waiting.future(), failure);
        }
    }

    /** Fails every request still waiting: the session is gone. */
    void failAll(Throwable failure) {
        for (Long request : pending.keySet()) {
            fail(request, failure);
        }
    }

    void complete(CompletableFuture<Object> future, @Nullable Object value) {
        run(() -> future.complete(value));
    }

    void fail(CompletableFuture<Object> future, Throwable failure) {
        run(() -> future.completeExceptionally(failure));
    }

    /** Runs a completion on the completions executor, or here once that executor has stopped. */
    void run(Runnable completion) {
        try {
            completions.execute(completion);
        }
        catch (RejectedExecutionException ex) {
            completion.run();
        }
    }
}
