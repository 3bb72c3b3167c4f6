package io.wampspring.router.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.wampspring.router.PeerConnection;
import io.wampspring.router.Realm;
import io.wampspring.router.RouterObserver;
import io.wampspring.router.RouterSession;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.transport.CloseReason;
import io.wampspring.router.transport.TransportInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A WAMP client inside the router's process. It speaks the same messages as a remote client and goes through the
 * same Dealer and Broker, only without serialization: what a remote peer can do to it, and what it can do, is the
 * same. Handlers run on the given executor, futures complete on the router's async executor, never on the thread
 * that routed the message.
 */
public final class LocalSession implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(LocalSession.class);

    /** Events a subscriber may have waiting before further events for it are dropped (and counted). */
    public static final int DEFAULT_EVENT_BACKLOG = 10_000;

    /**
     * What an in-process session announces: every feature of the advanced profile it handles, that is all but
     * progressive call invocations (a handler answers one INVOCATION; a stream of them has no place to go).
     */
    public static final Map<String, Object> ROLES = Map.of(
            "caller", features("caller_identification", "call_canceling", "call_timeout", "progressive_call_results"),
            "callee", features("caller_identification", "call_canceling", "call_timeout", "progressive_call_results",
                    "pattern_based_registration", "shared_registration", "registration_revocation"),
            "publisher", features("publisher_identification", "publisher_exclusion", "subscriber_blackwhite_listing"),
            "subscriber", features("publisher_identification", "pattern_based_subscription",
                    "subscription_revocation"));

    private static Map<String, Object> features(String... names) {
        Map<String, Object> features = new LinkedHashMap<>();
        for (String name : names) {
            features.put(name, true);
        }
        return Map.of("features", features);
    }

    private final AtomicLong requestIds = new AtomicLong();
    /**
     * Written while a registration or subscription becomes visible (or ends) and its handler is installed (or
     * removed); read while an INVOCATION or EVENT is checked and handed to its handler. Deliveries to one session run
     * side by side; none overlaps an acknowledgement.
     */
    private final ReadWriteLock acknowledging = new ReentrantReadWriteLock();
    private final PendingRequests pending;
    private final LocalProcedures procedures;
    private final LocalSubscriptions subscriptions;
    private final RouterSession session;
    private volatile boolean closed;

    public LocalSession(WampRouter router, String realm, AuthIdentity identity, Executor executor) {
        this(router, realm, identity, executor, DEFAULT_EVENT_BACKLOG);
    }

    public LocalSession(WampRouter router, String realm, AuthIdentity identity, Executor executor,
            int eventBacklog) {
        this(router, executor, eventBacklog, connection -> router.joinLocal(realm, identity, connection, ROLES));
    }

    private LocalSession(WampRouter router, Executor executor, int eventBacklog,
            Function<PeerConnection, RouterSession> join) {
        this.pending = new PendingRequests(router.executors().async());
        this.procedures = new LocalProcedures(executor, acknowledging, this::answer);
        this.subscriptions = new LocalSubscriptions(executor, eventBacklog, acknowledging,
                () -> droppedForBacklog(router));
        Connection connection = new Connection();
        this.session = join.apply(connection);
        if (connection.goodbyeBeforeJoined) {
            // the router shut down while this session joined, and said goodbye before it could answer
            session.handle(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
        }
    }

    /**
     * The router's own service session in a realm, for router-provided procedures and meta events: it may use
     * {@code wamp.} URIs, and its handlers run on the routing thread, so they must be quick and never block.
     */
    public static LocalSession routerService(WampRouter router, String realm) {
        return new LocalSession(router, Runnable::run, DEFAULT_EVENT_BACKLOG,
                connection -> router.joinService(realm, connection));
    }

    private void droppedForBacklog(WampRouter router) {
        Realm realm = session.realm();
        router.observer().eventDropped(realm != null ? realm.name() : null, RouterObserver.DropReason.BACKLOG);
    }

    public long sessionId() {
        return session.sessionId();
    }

    public boolean isOpen() {
        return !closed;
    }

    /**
     * Completes once none of this session's procedures is running: at once when none is, else when the last running
     * invocation has been answered (its YIELD or ERROR handed to the router). A graceful shutdown waits for it before
     * saying GOODBYE.
     */
    public CompletableFuture<Void> whenIdle() {
        return procedures.whenIdle();
    }

    /** Events dropped because a handler of this session fell too far behind. */
    public long droppedEvents() {
        return subscriptions.droppedEvents();
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
        LocalSubscriptions.Listener listener = subscriptions.newListener(handler,
                Boolean.TRUE.equals(options.get("get_retained")));
        return subscriptions.serialized(() -> request(request -> new Subscribe(request, options, topic), reply -> {
            long subscription = ((Subscribed) reply).subscription();
            subscriptions.add(subscription, listener);
            return new LocalSubscription(this, subscription, listener);
        }));
    }

    CompletableFuture<Void> unsubscribe(long subscription, LocalSubscriptions.Listener listener) {
        return subscriptions.serialized(() -> subscriptions.remove(subscription, listener)
                ? request(request -> new Unsubscribe(request, subscription), reply -> null)
                : CompletableFuture.completedFuture(null));
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
        return call(procedure, options, payload, null, "kill");
    }

    /**
     * Calls a procedure. With {@code onProgress}, the call asks for progressive results ({@code receive_progress})
     * and each reaches {@code onProgress} in order, before the future completes. Cancelling the returned future sends
     * CANCEL with {@code cancelMode} ({@code skip}, {@code kill} or {@code killnowait}).
     */
    public CompletableFuture<Result> call(String procedure, Map<String, Object> options, Payload payload,
            @Nullable Consumer<Result> onProgress, String cancelMode) {
        Map<String, Object> callOptions = options;
        if (onProgress != null && !Boolean.TRUE.equals(options.get("receive_progress"))) {
            callOptions = new LinkedHashMap<>(options);
            callOptions.put("receive_progress", true);
        }
        Map<String, Object> sent = callOptions;
        long[] requestId = new long[1];
        CompletableFuture<Result> future = request(request -> {
            requestId[0] = request;
            return new Call(request, sent, procedure, payload);
        }, reply -> (Result) reply, onProgress == null ? null : message -> onProgress.accept((Result) message));
        future.whenComplete((result, failure) -> {
            if (failure instanceof CancellationException && pending.remove(requestId[0]) != null && !closed) {
                session.handle(new Cancel(requestId[0], Map.of("mode", cancelMode)));
            }
        });
        return future;
    }

    private <T> CompletableFuture<T> request(Function<Long, WampMessage> message,
            Function<WampMessage, @Nullable Object> onReply) {
        return request(message, onReply, null);
    }

    private <T> CompletableFuture<T> request(Function<Long, WampMessage> message,
            Function<WampMessage, @Nullable Object> onReply, @Nullable Consumer<WampMessage> onProgress) {
        CompletableFuture<T> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(closedError());
            return future;
        }
        long request = requestIds.incrementAndGet();
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> untyped = (CompletableFuture<Object>) future;
        if (onProgress == null) {
            pending.add(request, untyped, onReply);
        }
        else {
            pending.addProgressive(request, untyped, onReply, onProgress);
        }
        session.handle(message.apply(request));
        if (closed) {
            // closed while this request was being sent: nobody would ever answer it
            pending.fail(request, closedError());
        }
        return future;
    }

    /** Every message the router sends this session arrives here, on the routing thread: hand off, never block. */
    private void receive(WampMessage message) {
        switch (message.type()) {
            case INVOCATION -> procedures.invoke((Invocation) message);
            case EVENT -> subscriptions.deliver((Event) message);
            case REGISTERED -> pending.reply(((Registered) message).request(), message);
            case SUBSCRIBED -> pending.reply(((Subscribed) message).request(), message);
            case RESULT -> {
                Result result = (Result) message;
                if (Boolean.TRUE.equals(result.details().get("progress"))) {
                    pending.progress(result.request(), result);
                }
                else {
                    pending.reply(result.request(), message);
                }
            }
            case INTERRUPT -> {
                Interrupt interrupt = (Interrupt) message;
                procedures.interrupt(interrupt.request(),
                        interrupt.options().get("mode") instanceof String mode ? mode : "kill");
            }
            case PUBLISHED -> pending.reply(((Published) message).request(), message);
            case UNREGISTERED -> pending.reply(((Unregistered) message).request(), message);
            case UNSUBSCRIBED -> pending.reply(((Unsubscribed) message).request(), message);
            case ERROR -> {
                ErrorMessage error = (ErrorMessage) message;
                pending.fail(error.request(), new WampException(error.error(), error.payload().args(),
                        error.payload().kwargs()));
            }
            case ABORT -> closedByRouter();
            case WELCOME -> logger.trace("Local session joined");
            default -> logger.trace("Local session ignores {}", message.type());
        }
    }

    private void answer(WampMessage message) {
        if (!closed) {
            session.handle(message);
        }
    }

    private void closedByRouter() {
        closed = true;
        pending.failAll(closedError());
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

    /** The router's connection to this session: messages are received in process, nothing is serialized. */
    private final class Connection implements PeerConnection {

        /** Set when the router said GOODBYE before {@link #session} was assigned. */
        private volatile boolean goodbyeBeforeJoined;

        @Override
        public void send(WampMessage message) {
            if (message.type() == io.wampspring.router.message.MessageType.GOODBYE) {
                goodbye();
                return;
            }
            receive(message);
        }

        /** The router ends the session (shutdown, kill): answer as a client must, unless this is the answer. */
        private void goodbye() {
            if (closed) {
                return;
            }
            closedByRouter();
            RouterSession joined = session;
            if (joined == null) {
                goodbyeBeforeJoined = true;
            }
            else {
                joined.handle(new Goodbye(Map.of(), WampUris.CLOSE_GOODBYE_AND_OUT));
            }
        }

        @Override
        public boolean sendIf(BooleanSupplier condition, WampMessage message) {
            // checked under the same lock as sendAfter, as WampPeer promises
            acknowledging.readLock().lock();
            try {
                if (!condition.getAsBoolean()) {
                    return false;
                }
                receive(message);
                return true;
            }
            finally {
                acknowledging.readLock().unlock();
            }
        }

        @Override
        public void sendAfter(Supplier<WampMessage> changeThenReply) {
            acknowledging.writeLock().lock();
            try {
                receive(changeThenReply.get());
            }
            finally {
                acknowledging.writeLock().unlock();
            }
        }

        @Override
        public void sendAllAfter(Supplier<List<WampMessage>> changeThenReplies) {
            acknowledging.writeLock().lock();
            try {
                changeThenReplies.get().forEach(LocalSession.this::receive);
            }
            finally {
                acknowledging.writeLock().unlock();
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
