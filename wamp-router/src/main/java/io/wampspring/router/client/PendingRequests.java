package io.wampspring.router.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;

import io.wampspring.router.message.WampMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Correlates a local session's requests with the router's replies. Futures complete off the routing thread and off
 * the handlers' executor: a handler that waits for a call it made must not wait for a thread its own kind holds.
 */
final class PendingRequests {

    private static final Logger logger = LoggerFactory.getLogger(PendingRequests.class);

    private final Executor completions;
    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();

    PendingRequests(Executor completions) {
        this.completions = completions;
    }

    /**
     * A request awaiting its reply; {@code onReply} turns the reply into the future's value, on the routing thread.
     * A call that takes progressive results has a lane that delivers them, and then the final answer, in order.
     */
    record Pending(CompletableFuture<Object> future, Function<WampMessage, @Nullable Object> onReply,
            @Nullable Consumer<WampMessage> onProgress, @Nullable OrderedLane lane) {
    }

    void add(long request, CompletableFuture<Object> future, Function<WampMessage, @Nullable Object> onReply) {
        pending.put(request, new Pending(future, onReply, null, null));
    }

    /** A call whose progressive results go to {@code onProgress}, one at a time and before the final answer. */
    void addProgressive(long request, CompletableFuture<Object> future,
            Function<WampMessage, @Nullable Object> onReply, Consumer<WampMessage> onProgress) {
        pending.put(request, new Pending(future, onReply, onProgress,
                new OrderedLane(completions, PROGRESS_BACKLOG)));
    }

    /** Progressive results a caller may have waiting before further ones are dropped. */
    private static final int PROGRESS_BACKLOG = 10_000;

    /** A progressive result: handed to the caller's listener in order; dropped for a call that did not ask. */
    void progress(long request, WampMessage message) {
        Pending waiting = pending.get(request);
        if (waiting == null || waiting.onProgress() == null || waiting.lane() == null) {
            return;
        }
        Consumer<WampMessage> listener = waiting.onProgress();
        if (!waiting.lane().submit(() -> listener.accept(message))) {
            logger.warn("A caller of request {} is {} progressive results behind; dropping them", request,
                    PROGRESS_BACKLOG);
        }
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
            fail(waiting, ex);
            return;
        }
        complete(waiting, value);
    }

    void fail(long request, Throwable failure) {
        Pending waiting = pending.remove(request);
        if (waiting != null) {
            fail(waiting, failure);
        }
    }

    /** Fails every request still waiting: the session is gone. */
    void failAll(Throwable failure) {
        for (Long request : pending.keySet()) {
            fail(request, failure);
        }
    }

    private void complete(Pending waiting, @Nullable Object value) {
        finish(waiting, () -> waiting.future().complete(value));
    }

    private void fail(Pending waiting, Throwable failure) {
        finish(waiting, () -> waiting.future().completeExceptionally(failure));
    }

    /** The final answer: behind the progressive results on the call's lane, if it has one. */
    private void finish(Pending waiting, Runnable completion) {
        if (waiting.lane() != null) {
            waiting.lane().submitLast(completion);
        }
        else {
            run(completion);
        }
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
