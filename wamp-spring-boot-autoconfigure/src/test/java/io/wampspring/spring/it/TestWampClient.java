package io.wampspring.spring.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.Hello;
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
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import org.jspecify.annotations.Nullable;

/**
 * A small WAMP client over a real WebSocket (the JDK's {@link java.net.http.WebSocket}) that encodes and decodes
 * with the router's own serializers. It sends in order from one thread, assembles partial frames of any size, keeps
 * every message that answers no request of its own in an inbox, and records how the connection closed.
 */
public final class TestWampClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final @Nullable WampSerializer serializer;
    private final WebSocket webSocket;
    private final ExecutorService sender;
    private final BlockingQueue<WampMessage> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<Object> undecodable = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile boolean readingPaused;
    private final Map<Long, CompletableFuture<WampMessage>> pending = new ConcurrentHashMap<>();
    private final Map<Long, Function<Invocation, Payload>> procedures = new ConcurrentHashMap<>();
    private final Map<Long, BlockingQueue<Event>> subscriptions = new ConcurrentHashMap<>();
    /** Registrations whose invocations the test answers itself, by registration id. */
    private final Map<Long, BlockingQueue<Invocation>> queuedProcedures = new ConcurrentHashMap<>();
    /** Progressive RESULTs of calls made with {@link #callWith}, by request id. */
    private final Map<Long, BlockingQueue<Result>> progress = new ConcurrentHashMap<>();
    private final BlockingQueue<Interrupt> interrupts = new LinkedBlockingQueue<>();

    private TestWampClient(@Nullable WampSerializer serializer, URI uri, String... subprotocols) {
        this.serializer = serializer;
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "test-wamp-client-sender");
            thread.setDaemon(true);
            return thread;
        });
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        this.webSocket = builder.buildAsync(uri, new Listener()).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Opens a WebSocket offering the serializer's subprotocol. */
    public static TestWampClient connect(URI uri, String serializerName) {
        WampSerializer serializer = Serializers.byName(serializerName);
        if (serializer == null) {
            throw new IllegalArgumentException(serializerName);
        }
        return new TestWampClient(serializer, uri, serializer.subprotocol());
    }

    /** Opens a WebSocket offering exactly these subprotocols (none at all when empty); frames are not decoded. */
    public static TestWampClient connectRaw(URI uri, String... subprotocols) {
        return new TestWampClient(null, uri, subprotocols);
    }

    public WampSerializer serializer() {
        if (serializer == null) {
            throw new IllegalStateException("a raw client has no serializer");
        }
        return serializer;
    }

    /** The subprotocol the server accepted ("" when none). */
    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    // ---- sending ----

    public Future<?> send(WampMessage message) {
        byte[] frame = serializer().serialize(message);
        return serializer().isBinary() ? sendBinary(frame) : sendText(new String(frame, StandardCharsets.UTF_8));
    }

    public Future<?> sendText(String text) {
        return sender.submit(() -> webSocket.sendText(text, true).join());
    }

    public Future<?> sendBinary(byte[] bytes) {
        return sender.submit(() -> webSocket.sendBinary(ByteBuffer.wrap(bytes), true).join());
    }

    /** Sends HELLO for the realm and returns WELCOME; fails with the ABORT's reason otherwise. */
    public Welcome hello(String realm) {
        send(new Hello(realm, helloDetails()));
        WampMessage reply = next();
        if (reply instanceof Welcome welcome) {
            return welcome;
        }
        throw new AssertionError("expected WELCOME, got " + reply);
    }

    public static Map<String, Object> helloDetails() {
        return Map.of("roles", Map.of("caller", Map.of(), "callee", Map.of(), "publisher", Map.of(),
                "subscriber", Map.of()));
    }

    /** Sends HELLO with these details and returns WELCOME. */
    public Welcome hello(String realm, Map<String, Object> details) {
        send(new Hello(realm, details));
        WampMessage reply = next();
        if (reply instanceof Welcome welcome) {
            return welcome;
        }
        throw new AssertionError("expected WELCOME, got " + reply);
    }

    /**
     * HELLO.Details announcing the advanced RPC features as caller and callee: progressive results and invocations,
     * call canceling, call timeouts, caller identification, pattern-based and shared registration, registration
     * revocation.
     */
    public static Map<String, Object> advancedHelloDetails() {
        Map<String, Object> caller = Map.of("features", Map.of("progressive_call_results", true,
                "call_canceling", true, "call_timeout", true, "caller_identification", true,
                "progressive_call_invocations", true));
        Map<String, Object> callee = Map.of("features", Map.of("progressive_call_results", true,
                "call_canceling", true, "call_timeout", true, "caller_identification", true,
                "pattern_based_registration", true, "shared_registration", true, "registration_revocation", true,
                "progressive_call_invocations", true));
        return Map.of("roles", Map.of("caller", caller, "callee", callee, "publisher", Map.of(),
                "subscriber", Map.of()));
    }

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
        long request = requestIds.incrementAndGet();
        BlockingQueue<Result> results = new LinkedBlockingQueue<>();
        progress.put(request, results);
        CompletableFuture<WampMessage> reply = new CompletableFuture<>();
        pending.put(request, reply);
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

    /** The next element of a queue, waiting at most {@link #TIMEOUT}. */
    public static <T> T poll(BlockingQueue<T> queue, String what) {
        try {
            T element = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (element == null) {
                throw new AssertionError("no " + what + " within " + TIMEOUT);
            }
            return element;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    public CompletableFuture<WampMessage> call(String procedure, @Nullable List<?> args,
            @Nullable Map<String, ?> kwargs) {
        return request(request -> new Call(request, Map.of(), procedure, Payload.of(args, kwargs)));
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
        WampMessage reply = await(request(request -> new Register(request, Map.of(), procedure)));
        if (reply instanceof Registered registered) {
            procedures.put(registered.registration(), handler);
            return registered.registration();
        }
        throw new AssertionError("REGISTER " + procedure + " failed: " + reply);
    }

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
        return send(new Publish(requestIds.incrementAndGet(), Map.of(), topic, Payload.of(args, kwargs)));
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

    private CompletableFuture<WampMessage> request(Function<Long, WampMessage> message) {
        long request = requestIds.incrementAndGet();
        CompletableFuture<WampMessage> reply = new CompletableFuture<>();
        pending.put(request, reply);
        send(message.apply(request));
        return reply;
    }

    // ---- receiving ----

    /** The next message that answered no request of this client (WELCOME, ABORT, GOODBYE, ...). */
    public WampMessage next() {
        try {
            WampMessage message = inbox.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + TIMEOUT + (closed.isDone()
                        ? "; the connection closed with " + closed.getNow(null) : ""));
            }
            return message;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Waits for an ABORT and returns it. */
    public Abort nextAbort() {
        WampMessage message = next();
        if (message instanceof Abort abort) {
            return abort;
        }
        throw new AssertionError("expected ABORT, got " + message);
    }

    /** Messages left in the inbox, without waiting. */
    public List<WampMessage> drainInbox() {
        List<WampMessage> messages = new java.util.ArrayList<>();
        inbox.drainTo(messages);
        return messages;
    }

    /** Completes with the WebSocket close status code once the server closed the connection (or it failed: -1). */
    public CompletableFuture<Integer> closeStatus() {
        return closed;
    }

    /** Waits for the server to close the connection and returns the close status code. */
    public int awaitClose() {
        return closed.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    private void dispatch(WampMessage message) {
        switch (message.type()) {
            case RESULT -> {
                Result result = (Result) message;
                BlockingQueue<Result> partial = progress.get(result.request());
                if (Boolean.TRUE.equals(result.details().get("progress")) && partial != null) {
                    partial.add(result);
                }
                else if (!complete(result.request(), message)) {
                    // a RESULT nobody waits for (a call already answered) is kept for the test to see
                    inbox.add(message);
                }
            }
            case REGISTERED -> complete(((Registered) message).request(), message);
            case UNREGISTERED -> {
                if (!complete(((Unregistered) message).request(), message)) {
                    inbox.add(message);
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
            case ERROR -> {
                if (!complete(((ErrorMessage) message).request(), message)) {
                    inbox.add(message);
                }
            }
            case INVOCATION -> invoke((Invocation) message);
            case EVENT -> {
                Event event = (Event) message;
                BlockingQueue<Event> queue = subscriptions.get(event.subscription());
                if (queue != null) {
                    queue.add(event);
                }
                else {
                    inbox.add(message);
                }
            }
            case GOODBYE -> {
                inbox.add(message);
                if (!"wamp.close.goodbye_and_out".equals(((Goodbye) message).reason())) {
                    send(new Goodbye(Map.of(), "wamp.close.goodbye_and_out"));
                }
            }
            default -> inbox.add(message);
        }
    }

    private boolean complete(long request, WampMessage message) {
        CompletableFuture<WampMessage> waiting = pending.remove(request);
        if (waiting == null) {
            return false;
        }
        waiting.complete(message);
        return true;
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

    private void received(Object frame) {
        if (serializer == null) {
            // a raw client still decodes what it can with JSON (text) or tries both binary serializers
            WampMessage decoded = rawDecode(frame);
            if (decoded != null) {
                inbox.add(decoded);
            }
            else {
                undecodable.add(frame);
            }
            return;
        }
        WampMessage message = frame instanceof String text ? serializer.deserialize(text)
                : serializer.deserialize((byte[]) frame);
        dispatch(message);
    }

    private static @Nullable WampMessage rawDecode(Object frame) {
        try {
            if (frame instanceof String text) {
                return Serializers.JSON.deserialize(text);
            }
            try {
                return Serializers.MSGPACK.deserialize((byte[]) frame);
            }
            catch (RuntimeException ex) {
                return Serializers.CBOR.deserialize((byte[]) frame);
            }
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /** Stops asking the WebSocket for more messages: what the server sends piles up in the TCP buffers. */
    public void pauseReading() {
        readingPaused = true;
    }

    /** Frames a raw client could not decode. */
    public List<Object> undecodableFrames() {
        return List.copyOf(undecodable);
    }

    /** Closes the WebSocket normally and waits (briefly) for the server's close. */
    @Override
    public void close() {
        try {
            // a client that stopped reading would never see the server's answer to its close
            if (!closed.isDone() && !webSocket.isOutputClosed() && !readingPaused) {
                sender.submit(() -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join())
                        .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                closed.get(5, TimeUnit.SECONDS);
            }
        }
        catch (Exception ex) {
            // the server did not answer the close in time: drop the connection
        }
        finally {
            webSocket.abort();
            sender.shutdownNow();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                handle(frame);
            }
            if (!readingPaused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public @Nullable CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] part = new byte[data.remaining()];
            data.get(part);
            binary.writeBytes(part);
            if (last) {
                byte[] frame = binary.toByteArray();
                binary.reset();
                handle(frame);
            }
            if (!readingPaused) {
                webSocket.request(1);
            }
            return null;
        }

        private void handle(Object frame) {
            try {
                received(frame);
            }
            catch (RuntimeException ex) {
                undecodable.add(frame);
            }
        }

        @Override
        public @Nullable CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
