package io.wampspring.router.client;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Consumer;

import io.wampspring.router.WampUris;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The procedures a local session registered, and the invocations of them: each runs on the handlers' executor,
 * never on the routing thread, and is answered with YIELD or ERROR.
 */
final class LocalProcedures {

    private static final Logger logger = LoggerFactory.getLogger(LocalProcedures.class);

    private final Executor executor;
    private final ReadWriteLock acknowledging;
    private final Consumer<WampMessage> answer;
    private final ConcurrentHashMap<Long, InvocationHandler> handlers = new ConcurrentHashMap<>();
    /** Invocations being handled, by the router's invocation request id: an INTERRUPT finds them here. */
    private final ConcurrentHashMap<Long, LocalInvocation> running = new ConcurrentHashMap<>();
    /** Invocations handed to the executor and not yet answered (the answer sent, not only computed). */
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    /** Completed when {@link #inFlight} next drops to zero. */
    private final java.util.List<CompletableFuture<Void>> idleWaiters =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param acknowledging the lock under which a registration is acknowledged and its handler installed
     * @param answer sends YIELD or ERROR to the router
     */
    LocalProcedures(Executor executor, ReadWriteLock acknowledging, Consumer<WampMessage> answer) {
        this.executor = executor;
        this.acknowledging = acknowledging;
        this.answer = answer;
    }

    void put(long registration, InvocationHandler handler) {
        handlers.put(registration, handler);
    }

    void remove(long registration) {
        handlers.remove(registration);
    }

    private @Nullable InvocationHandler handlerOf(long registration) {
        InvocationHandler handler = handlers.get(registration);
        if (handler != null) {
            return handler;
        }
        // a registration being acknowledged right now: its handler is in place once the lock is free
        acknowledging.readLock().lock();
        try {
            return handlers.get(registration);
        }
        finally {
            acknowledging.readLock().unlock();
        }
    }

    /** An INVOCATION from the router, on the routing thread: hand off, never block. */
    void invoke(Invocation invocation) {
        InvocationHandler handler = handlerOf(invocation.registration());
        if (handler == null) {
            answer.accept(errorFor(new LocalInvocation(invocation, answer::accept),
                    new WampException(WampUris.NO_SUCH_PROCEDURE, "no handler")));
            return;
        }
        LocalInvocation local = new LocalInvocation(invocation, answer::accept);
        running.put(invocation.request(), local);
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> run(handler, local));
        }
        catch (RejectedExecutionException ex) {
            running.remove(invocation.request());
            try {
                answer.accept(errorFor(local,
                        new WampException(WampUris.RUNTIME_ERROR, "the application is shutting down")));
            }
            finally {
                answered();
            }
        }
    }

    /** Completes once no invocation is in flight: at once if none is, else when the last one has been answered. */
    CompletableFuture<Void> whenIdle() {
        CompletableFuture<Void> idle = new CompletableFuture<>();
        idleWaiters.add(idle);
        if (inFlight.get() == 0 && idleWaiters.remove(idle)) {
            idle.complete(null);
        }
        return idle;
    }

    private void answered() {
        if (inFlight.decrementAndGet() == 0) {
            for (CompletableFuture<Void> idle : idleWaiters) {
                if (idleWaiters.remove(idle)) {
                    idle.complete(null);
                }
            }
        }
    }

    /** An INTERRUPT from the router: the caller canceled, or the call timed out. */
    void interrupt(long invocationId, String mode) {
        LocalInvocation local = running.get(invocationId);
        if (local != null) {
            local.cancel(mode);
        }
    }

    private void run(InvocationHandler handler, LocalInvocation local) {
        CompletionStage<Payload> result;
        local.startRunning();
        try {
            result = handler.invoke(local);
        }
        catch (Exception ex) {
            result = CompletableFuture.failedFuture(ex);
        }
        finally {
            local.stopRunning();
        }
        result.whenComplete((payload, failure) -> {
            try {
                long request = local.message().request();
                running.remove(request);
                local.answered();
                if ("killnowait".equals(local.cancelMode())) {
                    return;
                }
                answer.accept(failure == null
                        ? new Yield(request, Map.of(), payload != null ? payload : Payload.EMPTY)
                        : errorFor(local, failure));
            }
            finally {
                answered();
            }
        });
    }

    private static ErrorMessage errorFor(LocalInvocation local, Throwable failure) {
        Invocation invocation = local.message();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        WampException error;
        if (cause instanceof WampException wampException) {
            error = wampException;
        }
        else if (local.isCanceled() && (cause instanceof CancellationException
                || cause instanceof InterruptedException)) {
            error = new WampException(WampUris.CANCELED, "the call was canceled");
        }
        else {
            logger.warn("Procedure of registration {} failed", invocation.registration(), cause);
            error = new WampException(WampUris.RUNTIME_ERROR, String.valueOf(cause.getMessage()));
        }
        return new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), error.uri(),
                Payload.of(error.args(), error.kwargs().isEmpty() ? null : error.kwargs()));
    }
}
