package io.wampspring.router.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.wampspring.router.PeerConnection;
import io.wampspring.router.RouterSession;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.TransportInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WAMP client inside the router's process. It speaks the same messages as a remote client and goes through the
 * same Dealer and Broker, only without serialization: what a remote peer can do to it, and what it can do, is the
 * same. Handlers and completions run on the given executor, never on the thread that routed the message.
 */
public final class LocalSession implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(LocalSession.class);

    /** Events a subscriber may have waiting before further events for it are dropped (and counted). */
    public static final int DEFAULT_EVENT_BACKLOG = 10_000;

    /** Threads on demand, idle ones end after a minute: completions only, never handlers. */
    private static final Executor COMPLETIONS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "wamp-local-completion");
        thread.setDaemon(true);
        return thread;
    });

    private final Executor executor;
    private final int eventBacklog;
    private final RouterSession session;
    private final AtomicLong requestIds = new AtomicLong();
    private final ConcurrentHashMap<Long, PendingRequest> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, InvocationHandler> procedures = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, List<Listener>> listeners = new ConcurrentHashMap<>();
    private final LongAdder droppedEvents = new LongAdder();
    /** Held while a registration or subscription becomes visible and its handler is installed. */
    private final Object acknowledging = new Object();
    private volatile boolean closed;

    public LocalSession(WampRouter router, String realm, AuthIdentity identity, Executor executor) {
        this(router, realm, identity, executor, DEFAULT_EVENT_BACKLOG);
    }

    public LocalSession(WampRouter router, String realm, AuthIdentity identity, Executor executor,
            int eventBacklog) {
        this.executor = executor;
        this.eventBacklog = eventBacklog;
        this.session = router.joinLocal(realm, identity, new Connection());
    }

    public long sessionId() {
        return session.sessionId();
    }

    public boolean isOpen() {
        return !closed;
    }

    /** Events dropped because a handler of this session fell too far behind. */
    public long droppedEvents() {
        return droppedEvents.sum();
    }

    /** Registers a procedure; completes with the registration id. */
    public CompletableFuture<Long> register(String procedure, Map<String, Object> options,
            InvocationHandler handler) {
        return request(request -> new Register(request, options, procedure), reply -> {
            long registration = ((Registered) reply).registration();
            procedures.put(registration, handler);
            return registration;
        });
    }

    public CompletableFuture<Void> unregister(long registration) {
        return request(request -> new Unregister(request, registration), reply -> {
            procedures.remove(registration);
            return null;
        });
    }

    /**
     * Subscribes a handler; completes with the subscription id. Several handlers of this session on one topic share
     * the router's subscription, each with its own ordered lane.
     */
    public CompletableFuture<LocalSubscription> subscribe(String topic, Map<String, Object> options,
            EventHandler handler) {
        Listener listener = new Listener(handler, new OrderedLane(executor, eventBacklog));
        return request(request -> new Subscribe(request, options, topic), reply -> {
            long subscription = ((Subscribed) reply).subscription();
            listeners.computeIfAbsent(subscription, id -> new CopyOnWriteArrayList<>()).add(listener);
            return new LocalSubscription(this, subscription, listener);
        });
    }

    CompletableFuture<Void> unsubscribe(long subscription, Object listener) {
        List<Listener> remaining = listeners.computeIfPresent(subscription, (id, current) -> {
            current.remove(listener);
            return current.isEmpty() ? null : current;
        });
        if (remaining != null) {
            return CompletableFuture.completedFuture(null);
        }
        return request(request -> new Unsubscribe(request, subscription), reply -> null);
    }

    /**
     * Publishes an event. With {@code acknowledge: true} in the options the future completes with the publication id
     * (or fails with the broker's error); without it, it completes with null once the event is routed.
     */
    public CompletableFuture<@Nullable Long> publish(String topic, Map<String, Object> options, Payload payload) {
        if (Boolean.TRUE.equals(options.get("acknowledge"))) {
            return request(request -> new Publish(request, options, topic, payload),
                    reply -> ((Published) reply).publication());
        }
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        session.handle(new Publish(requestIds.incrementAndGet(), options, topic, payload));
        return CompletableFuture.completedFuture(null);
    }

    /** Calls a procedure, wherever its callee is; fails with {@link WampException} on an ERROR. */
    public CompletableFuture<Result> call(String procedure, Map<String, Object> options, Payload payload) {
        return request(request -> new Call(request, options, procedure, payload), reply -> (Result) reply);
    }

    private <T> CompletableFuture<T> request(Function<Long, WampMessage> message,
            Function<WampMessage, @Nullable Object> onReply) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(closedError());
            return future;
        }
        long request = requestIds.incrementAndGet();
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> untyped = (CompletableFuture<Object>) future;
        pending.put(request, new PendingRequest(untyped, onReply));
        session.handle(message.apply(request));
        if (closed && pending.remove(request) != null) {
            // closed while this request was being sent: nobody would ever answer it
            fail(untyped, closedError());
        }
        return future;
    }

    /** Every message the router sends this session arrives here, on the routing thread: hand off, never block. */
    private void receive(WampMessage message) {
        switch (message.type()) {
            case INVOCATION -> invoke((Invocation) message);
            case EVENT -> deliver((Event) message);
            case REGISTERED -> reply(((Registered) message).request(), message);
            case SUBSCRIBED -> reply(((Subscribed) message).request(), message);
            case RESULT -> reply(((Result) message).request(), message);
            case PUBLISHED -> reply(((Published) message).request(), message);
            case UNREGISTERED -> reply(((io.wampspring.router.message.Unregistered) message).request(), message);
            case UNSUBSCRIBED -> reply(((io.wampspring.router.message.Unsubscribed) message).request(), message);
            case ERROR -> {
                ErrorMessage error = (ErrorMessage) message;
                PendingRequest request = pending.remove(error.request());
                if (request != null) {
                    fail(request.future(), new WampException(error.error(), error.payload().args(),
                            error.payload().kwargs()));
                }
            }
            case GOODBYE -> {
                // the router ends the session (shutdown, kill): answer as a client must, unless this is the answer
                if (!closed) {
                    closedByRouter();
                    session.handle(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
                }
            }
            case ABORT -> closedByRouter();
            case WELCOME -> logger.trace("Local session joined");
            default -> logger.trace("Local session {} ignores {}", sessionId(), message.type());
        }
    }

    private void reply(long request, WampMessage message) {
        PendingRequest waiting = pending.remove(request);
        if (waiting == null) {
            return;
        }
        Object value;
        try {
            // applied here, before the next routed message, so a registration's handler is in place in time
            value = waiting.onReply().apply(message);
        }
        catch (RuntimeException ex) {
            fail(waiting.future(), ex);
            return;
        }
        complete(waiting.future(), value);
    }

    private @Nullable InvocationHandler handlerOf(long registration) {
        InvocationHandler handler = procedures.get(registration);
        if (handler != null) {
            return handler;
        }
        // a registration being acknowledged right now: its handler is in place once the lock is free
        synchronized (acknowledging) {
            return procedures.get(registration);
        }
    }

    private void invoke(Invocation invocation) {
        InvocationHandler handler = handlerOf(invocation.registration());
        if (handler == null) {
            answer(errorFor(invocation, new WampException(WampUris.NO_SUCH_PROCEDURE, "no handler")));
            return;
        }
        try {
            executor.execute(() -> {
                CompletionStage<Payload> result;
                try {
                    result = handler.invoke(invocation);
                }
                catch (Exception ex) {
                    result = CompletableFuture.failedFuture(ex);
                }
                result.whenComplete((payload, failure) -> answer(failure == null
                        ? new Yield(invocation.request(), Map.of(), payload != null ? payload : Payload.EMPTY)
                        : errorFor(invocation, failure)));
            });
        }
        catch (RejectedExecutionException ex) {
            answer(errorFor(invocation, new WampException(WampUris.RUNTIME_ERROR, "the application is shutting down")));
        }
    }

    private void answer(WampMessage message) {
        if (!closed) {
            session.handle(message);
        }
    }

    private ErrorMessage errorFor(Invocation invocation, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        WampException error;
        if (cause instanceof WampException wampException) {
            error = wampException;
        }
        else {
            logger.warn("Procedure of registration {} failed", invocation.registration(), cause);
            error = new WampException(WampUris.RUNTIME_ERROR, String.valueOf(cause.getMessage()));
        }
        return new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), error.uri(),
                Payload.of(error.args(), error.kwargs().isEmpty() ? null : error.kwargs()));
    }

    private void deliver(Event event) {
        List<Listener> targets = listeners.get(event.subscription());
        if (targets == null) {
            synchronized (acknowledging) {
                targets = listeners.get(event.subscription());
            }
        }
        if (targets == null) {
            return;
        }
        for (Listener listener : targets) {
            if (!listener.lane().submit(() -> listener.handle(event))) {
                droppedEvents.increment();
                if (listener.reportDrop()) {
                    logger.warn("An event handler of local session {} is {} events behind; dropping events for it",
                            sessionId(), eventBacklog);
                }
            }
        }
    }

    /**
     * Completes a future off the routing thread, and off the handlers' executor: a handler that waits for a call it
     * made must not wait for a thread its own kind is holding.
     */
    private static void complete(CompletableFuture<Object> future, @Nullable Object value) {
        COMPLETIONS.execute(() -> future.complete(value));
    }

    private static void fail(CompletableFuture<Object> future, Throwable failure) {
        COMPLETIONS.execute(() -> future.completeExceptionally(failure));
    }

    private void closedByRouter() {
        closed = true;
        for (Long request : pending.keySet()) {
            PendingRequest waiting = pending.remove(request);
            if (waiting != null) {
                fail(waiting.future(), closedError());
            }
        }
    }

    private static WampException closedError() {
        return new WampException(WampUris.CLOSE_NORMAL, "the local session is closed");
    }

    /** Leaves the realm: registrations and subscriptions of this session end. */
    @Override
    public void close() {
        if (!closed) {
            closedByRouter();
            session.handle(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));
        }
    }

    private record PendingRequest(CompletableFuture<Object> future, Function<WampMessage, @Nullable Object> onReply) {
    }

    /** One handler of a subscription and the lane that keeps its events in order. */
    private static final class Listener {
        private final EventHandler handler;
        private final OrderedLane lane;
        private volatile boolean dropReported;

        Listener(EventHandler handler, OrderedLane lane) {
            this.handler = handler;
            this.lane = lane;
        }

        OrderedLane lane() {
            return lane;
        }

        void handle(Event event) {
            try {
                handler.onEvent(event);
            }
            catch (Exception ex) {
                logger.error("Event handler failed for subscription {}", event.subscription(), ex);
            }
        }

        boolean reportDrop() {
            if (dropReported) {
                return false;
            }
            dropReported = true;
            return true;
        }
    }

    /** The router's connection to this session: messages are received in process, nothing is serialized. */
    private final class Connection implements PeerConnection {

        @Override
        public void send(WampMessage message) {
            receive(message);
        }

        @Override
        public boolean sendIf(BooleanSupplier condition, WampMessage message) {
            if (!condition.getAsBoolean()) {
                return false;
            }
            receive(message);
            return true;
        }

        @Override
        public void sendAfter(Supplier<WampMessage> changeThenReply) {
            synchronized (acknowledging) {
                receive(changeThenReply.get());
            }
        }

        @Override
        public void close(CloseReason reason) {
            closedByRouter();
        }

        @Override
        public TransportInfo info() {
            return TransportInfo.local();
        }
    }
}
