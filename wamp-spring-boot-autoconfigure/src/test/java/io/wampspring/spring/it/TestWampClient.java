package io.wampspring.spring.it;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Interrupt;
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
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import org.jspecify.annotations.Nullable;

/**
 * A small WAMP client over a real WebSocket for the integration tests: the session itself (HELLO, sending, the inbox,
 * closing) is its {@link TestWampSession}'s; this class adds the RPC helpers (calls with progressive results and
 * cancellation, procedures answered by a handler or queued for the test) and the PubSub helpers (subscriptions with
 * one event queue each, acknowledged publications).
 */
public final class TestWampClient extends TestWampSession {

    private final Map<Long, Function<Invocation, Payload>> procedures = new ConcurrentHashMap<>();
    private final Map<Long, BlockingQueue<Event>> subscriptions = new ConcurrentHashMap<>();
    /** Registrations whose invocations the test answers itself, by registration id. */
    private final Map<Long, BlockingQueue<Invocation>> queuedProcedures = new ConcurrentHashMap<>();
    /** Progressive RESULTs of calls made with {@link #callWith}, by request id. */
    private final Map<Long, BlockingQueue<Result>> progress = new ConcurrentHashMap<>();
    private final BlockingQueue<Interrupt> interrupts = new LinkedBlockingQueue<>();

    private TestWampClient(@Nullable WampSerializer serializer, URI uri, Map<String, String> headers,
            String... subprotocols) {
        super(serializer, uri, headers, subprotocols);
    }

    /** Opens a WebSocket offering the serializer's subprotocol. */
    public static TestWampClient connect(URI uri, String serializerName) {
        return connect(uri, serializerName, Map.of());
    }

    /** Opens a WebSocket offering the serializer's subprotocol, with these HTTP headers on the handshake. */
    public static TestWampClient connect(URI uri, String serializerName, Map<String, String> headers) {
        WampSerializer serializer = Serializers.byName(serializerName);
        if (serializer == null) {
            throw new IllegalArgumentException(serializerName);
        }
        return started(new TestWampClient(serializer, uri, headers, serializer.subprotocol()));
    }

    private TestWampClient(java.net.http.HttpClient http, Map<String, String> headers, WampSerializer serializer,
            URI uri) {
        super(http, headers, serializer, uri);
    }

    /**
     * Opens a WebSocket offering the serializer's subprotocol through {@code http} (its TLS trust) with extra
     * handshake {@code headers} (an Origin).
     */
    public static TestWampClient connect(java.net.http.HttpClient http, Map<String, String> headers, URI uri,
            String serializerName) {
        WampSerializer serializer = Serializers.byName(serializerName);
        if (serializer == null) {
            throw new IllegalArgumentException(serializerName);
        }
        return started(new TestWampClient(http, headers, serializer, uri));
    }

    /** Opens a WebSocket offering exactly these subprotocols (none at all when empty); frames are not decoded. */
    public static TestWampClient connectRaw(URI uri, String... subprotocols) {
        return started(new TestWampClient(null, uri, Map.of(), subprotocols));
    }

    private static TestWampClient started(TestWampClient client) {
        client.startReading();
        return client;
    }

    // ---- RPC ----

    /** A call in flight: its request id, its progressive RESULTs in arrival order, and its final RESULT or ERROR. */
    public record CallHandle(long request, BlockingQueue<Result> progress, CompletableFuture<WampMessage> reply) {

        /** Waits for the final RESULT or ERROR. */
        public WampMessage awaitReply() {
            return await(reply);
        }

        /** Waits for the next progressive RESULT. */
        public Result nextProgress() {
            return poll(progress, "progressive RESULT of request " + request);
        }
    }

    /** Calls with CALL.Options; progressive RESULTs go to the handle's queue, the final answer to its future. */
    public CallHandle callWith(Map<String, Object> options, String procedure, @Nullable List<?> args,
            @Nullable Map<String, ?> kwargs) {
        long request = nextRequestId();
        BlockingQueue<Result> results = new LinkedBlockingQueue<>();
        progress.put(request, results);
        CompletableFuture<WampMessage> reply = expectAnswer(request);
        send(new Call(request, options, procedure, Payload.of(args, kwargs)));
        return new CallHandle(request, results, reply);
    }

    /** Sends CANCEL for a call of this client with the mode ({@code skip}, {@code kill}, {@code killnowait}). */
    public Future<?> cancel(long request, String mode) {
        return send(new Cancel(request, Map.of("mode", mode)));
    }

    /** Sends REGISTER with options and returns the answer: REGISTERED or ERROR. No handler is installed. */
    public WampMessage registerWith(String procedure, Map<String, Object> options) {
        return await(request(request -> new Register(request, options, procedure)));
    }

    /** Registers with options a procedure answered by this client's handler; returns the registration id. */
    public long register(String procedure, Map<String, Object> options, Function<Invocation, Payload> handler) {
        WampMessage reply = registerWith(procedure, options);
        if (reply instanceof Registered registered) {
            procedures.put(registered.registration(), handler);
            return registered.registration();
        }
        throw new AssertionError("REGISTER " + procedure + " failed: " + reply);
    }

    /**
     * Registers a procedure whose invocations are queued for the test to answer ({@link #yield},
     * {@link #invocationError}); returns the queue.
     */
    public BlockingQueue<Invocation> registerQueued(String procedure, Map<String, Object> options) {
        WampMessage reply = registerWith(procedure, options);
        if (reply instanceof Registered registered) {
            return queuedProcedures.computeIfAbsent(registered.registration(), id -> new LinkedBlockingQueue<>());
        }
        throw new AssertionError("REGISTER " + procedure + " failed: " + reply);
    }

    /** Unregisters and waits for UNREGISTERED. */
    public void unregister(long registration) {
        WampMessage reply = await(request(request -> new Unregister(request, registration)));
        if (!(reply instanceof Unregistered)) {
            throw new AssertionError("UNREGISTER " + registration + " failed: " + reply);
        }
        procedures.remove(registration);
        queuedProcedures.remove(registration);
    }

    /** Answers an invocation with YIELD; with {@code progress}, as a progressive result. */
    public Future<?> yield(long invocation, boolean progressive, Payload payload) {
        return send(new Yield(invocation, progressive ? Map.of("progress", true) : Map.of(), payload));
    }

    /** Answers an invocation with ERROR. */
    public Future<?> invocationError(long invocation, String uri) {
        return send(new ErrorMessage(MessageType.INVOCATION, invocation, Map.of(), uri, Payload.EMPTY));
    }

    /** INTERRUPTs received, in arrival order. */
    public BlockingQueue<Interrupt> interrupts() {
        return interrupts;
    }

    public CompletableFuture<WampMessage> call(String procedure, @Nullable List<?> args,
            @Nullable Map<String, ?> kwargs) {
        return request(request -> new Call(request, Map.of(), procedure, Payload.of(args, kwargs)));
    }

    /** Calls with the CALL sent in frames of at most {@code partSize} bytes (first and continuation frames). */
    public CompletableFuture<WampMessage> callInParts(String procedure, List<?> args, int partSize) {
        long request = nextRequestId();
        CompletableFuture<WampMessage> reply = expectAnswer(request);
        sendInParts(new Call(request, Map.of(), procedure, Payload.of(args, null)), partSize);
        return reply;
    }

    public CompletableFuture<WampMessage> call(String procedure, Object... args) {
        return call(procedure, List.of(args), null);
    }

    /** Calls and waits for RESULT; an ERROR fails the test with its URI and args. */
    public Result callForResult(String procedure, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        WampMessage reply = await(call(procedure, args, kwargs));
        if (reply instanceof Result result) {
            return result;
        }
        ErrorMessage error = (ErrorMessage) reply;
        throw new AssertionError("call of " + procedure + " failed: " + error.error() + " " + error.payload());
    }

    /** The single value of a successful call's result. */
    public @Nullable Object callForValue(String procedure, Object... args) {
        Result result = callForResult(procedure, List.of(args), null);
        List<Object> values = result.payload().args();
        if (values == null || values.size() != 1) {
            throw new AssertionError("expected one result argument, got " + result.payload());
        }
        return values.get(0);
    }

    /** Calls and waits for ERROR. */
    public ErrorMessage callForError(String procedure, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        WampMessage reply = await(call(procedure, args, kwargs));
        if (reply instanceof ErrorMessage error) {
            return error;
        }
        throw new AssertionError("expected an ERROR from " + procedure + ", got " + reply);
    }

    /** Registers a procedure answered by this client; the handler may throw {@link WampException}. */
    public long register(String procedure, Function<Invocation, Payload> handler) {
        return register(procedure, Map.of(), handler);
    }

    // ---- PubSub ----

    /** Subscribes; the returned queue receives the subscription's events in arrival order. */
    public BlockingQueue<Event> subscribe(String topic) {
        return subscribe(topic, Map.of());
    }

    /**
     * Subscribes with SUBSCRIBE.Options; the returned queue receives the subscription's events in arrival order,
     * from the first one right after SUBSCRIBED (a retained event) on.
     */
    public BlockingQueue<Event> subscribe(String topic, Map<String, Object> options) {
        return subscriptions.get(subscribeWith(topic, options));
    }

    /** Subscribes with SUBSCRIBE.Options and returns the subscription id; its events go to its queue as above. */
    public long subscribeWith(String topic, Map<String, Object> options) {
        WampMessage reply = await(request(request -> new Subscribe(request, options, topic)));
        if (reply instanceof Subscribed subscribed) {
            return subscribed.subscription(); // its queue was put in place when SUBSCRIBED arrived
        }
        throw new AssertionError("SUBSCRIBE " + topic + " failed: " + reply);
    }

    /** Publishes without acknowledgement. */
    public Future<?> publish(String topic, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        return send(new Publish(nextRequestId(), Map.of(), topic, Payload.of(args, kwargs)));
    }

    /** Publishes with acknowledgement and returns the publication id. */
    public long publishAcknowledged(String topic, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        return publishAcknowledged(topic, Map.of(), args, kwargs);
    }

    /** Publishes with PUBLISH.Options and acknowledgement, and returns the publication id. */
    public long publishAcknowledged(String topic, Map<String, Object> options, @Nullable List<?> args,
            @Nullable Map<String, ?> kwargs) {
        Map<String, Object> acknowledged = new java.util.LinkedHashMap<>(options);
        acknowledged.put("acknowledge", true);
        WampMessage reply = await(request(request -> new Publish(request, acknowledged, topic,
                Payload.of(args, kwargs))));
        if (reply instanceof Published published) {
            return published.publication();
        }
        throw new AssertionError("PUBLISH " + topic + " failed: " + reply);
    }

    // ---- receiving ----

    /** The answers and messages of the RPC and PubSub roles; the session handles the rest. */
    @Override
    void dispatch(WampMessage message) {
        switch (message.type()) {
            case RESULT -> {
                Result result = (Result) message;
                BlockingQueue<Result> partial = progress.get(result.request());
                if (Boolean.TRUE.equals(result.details().get("progress")) && partial != null) {
                    partial.add(result);
                }
                else if (!complete(result.request(), message)) {
                    // a RESULT nobody waits for (a call already answered) is kept for the test to see
                    keep(message);
                }
            }
            case REGISTERED -> complete(((Registered) message).request(), message);
            case UNREGISTERED -> {
                if (!complete(((Unregistered) message).request(), message)) {
                    keep(message);
                }
            }
            case INTERRUPT -> interrupts.add((Interrupt) message);
            case SUBSCRIBED -> {
                // in place before the EVENT that may follow at once (a retained event)
                subscriptions.computeIfAbsent(((Subscribed) message).subscription(),
                        id -> new LinkedBlockingQueue<>());
                complete(((Subscribed) message).request(), message);
            }
            case PUBLISHED -> complete(((Published) message).request(), message);
            case INVOCATION -> invoke((Invocation) message);
            case EVENT -> {
                Event event = (Event) message;
                BlockingQueue<Event> queue = subscriptions.get(event.subscription());
                if (queue != null) {
                    queue.add(event);
                }
                else {
                    keep(message);
                }
            }
            default -> super.dispatch(message);
        }
    }

    private void invoke(Invocation invocation) {
        BlockingQueue<Invocation> queued = queuedProcedures.get(invocation.registration());
        if (queued != null) {
            queued.add(invocation);
            return;
        }
        Function<Invocation, Payload> handler = procedures.get(invocation.registration());
        if (handler == null) {
            send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(),
                    "wamp.error.no_such_procedure", Payload.EMPTY));
            return;
        }
        try {
            send(new Yield(invocation.request(), Map.of(), handler.apply(invocation)));
        }
        catch (WampException ex) {
            send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), ex.uri(),
                    Payload.of(ex.args(), ex.kwargs().isEmpty() ? null : ex.kwargs())));
        }
    }
}
