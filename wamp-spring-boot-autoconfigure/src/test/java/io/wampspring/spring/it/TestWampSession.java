package io.wampspring.spring.it;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import org.jspecify.annotations.Nullable;

/**
 * The session layer of {@link TestWampClient}: it encodes and decodes with the router's own serializers, opens the
 * session (HELLO, WELCOME), matches answers to the requests they answer, keeps every message that answers no request
 * of its own in an inbox, and says how the connection closed. {@link TestWampClient} adds the RPC and PubSub helpers.
 */
abstract class TestWampSession implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final @Nullable WampSerializer serializer;
    private final TestWebSocket webSocket;
    private final BlockingQueue<WampMessage> inbox = new LinkedBlockingQueue<>();
    private final BlockingQueue<Object> undecodable = new LinkedBlockingQueue<>();
    private final AtomicLong requestIds = new AtomicLong();
    private final Map<Long, CompletableFuture<WampMessage>> pending = new ConcurrentHashMap<>();

    /** Opens the WebSocket; frames are read once {@link #startReading()} is called on the finished client. */
    TestWampSession(@Nullable WampSerializer serializer, URI uri, String... subprotocols) {
        this(serializer, uri, Map.of(), subprotocols);
    }

    /** As above, sending these HTTP headers (such as Authorization) with the WebSocket handshake. */
    TestWampSession(@Nullable WampSerializer serializer, URI uri, Map<String, String> headers,
            String... subprotocols) {
        this.serializer = serializer;
        this.webSocket = new TestWebSocket(uri, TIMEOUT, this::received, headers, subprotocols);
    }

    /** Opens the WebSocket through {@code http} with extra handshake {@code headers}. */
    TestWampSession(java.net.http.HttpClient http, Map<String, String> headers, WampSerializer serializer, URI uri) {
        this.serializer = serializer;
        this.webSocket = new TestWebSocket(http, headers, uri, TIMEOUT, this::received, serializer.subprotocol());
    }

    /** Starts delivering frames: only now, so that none meets a subclass whose fields are not set yet. */
    final void startReading() {
        webSocket.startReading();
    }

    public WampSerializer serializer() {
        if (serializer == null) {
            throw new IllegalStateException("a raw client has no serializer");
        }
        return serializer;
    }

    /** The subprotocol the server accepted ("" when none). */
    public String subprotocol() {
        return webSocket.subprotocol();
    }

    // ---- sending ----

    public Future<?> send(WampMessage message) {
        byte[] frame = serializer().serialize(message);
        return serializer().isBinary() ? sendBinary(frame) : sendText(new String(frame, StandardCharsets.UTF_8));
    }

    /** Sends a message in frames of at most {@code partSize} bytes (first frame and continuation frames). */
    public Future<?> sendInParts(WampMessage message, int partSize) {
        byte[] frame = serializer().serialize(message);
        return webSocket.sendInParts(serializer().isBinary() ? frame : new String(frame, StandardCharsets.UTF_8),
                partSize);
    }

    public Future<?> sendText(String text) {
        return webSocket.sendText(text);
    }

    public Future<?> sendBinary(byte[] bytes) {
        return webSocket.sendBinary(bytes);
    }

    /** Sends HELLO for the realm and returns WELCOME; fails with the ABORT's reason otherwise. */
    public Welcome hello(String realm) {
        return hello(realm, helloDetails());
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
     * Sends HELLO with these details and answers each CHALLENGE with the signature {@code respond} computes from it;
     * returns the WELCOME or ABORT that ends the opening.
     */
    public WampMessage authenticate(String realm, Map<String, Object> details, Function<Challenge, String> respond) {
        send(new Hello(realm, details));
        WampMessage reply = next();
        while (reply instanceof Challenge challenge) {
            send(new Authenticate(respond.apply(challenge), Map.of()));
            reply = next();
        }
        return reply;
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

    /** Sends the request that {@code message} builds with a new request id; the future completes with its answer. */
    final CompletableFuture<WampMessage> request(Function<Long, WampMessage> message) {
        long request = nextRequestId();
        CompletableFuture<WampMessage> reply = expectAnswer(request);
        send(message.apply(request));
        return reply;
    }

    final long nextRequestId() {
        return requestIds.incrementAndGet();
    }

    /** The future that the answer to {@code request} completes; put in place before the request is sent. */
    final CompletableFuture<WampMessage> expectAnswer(long request) {
        CompletableFuture<WampMessage> reply = new CompletableFuture<>();
        pending.put(request, reply);
        return reply;
    }

    // ---- receiving ----

    /** The next message that answered no request of this client (WELCOME, ABORT, GOODBYE, ...). */
    public WampMessage next() {
        try {
            WampMessage message = inbox.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                CompletableFuture<Integer> closed = webSocket.closed();
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
        return webSocket.closed();
    }

    /** Waits for the server to close the connection and returns the close status code. */
    public int awaitClose() {
        return webSocket.closed().orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    public static <T> T await(CompletableFuture<T> future) {
        return future.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
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

    /**
     * Handles a decoded message that the subclass's roles did not: an ERROR answers its request, a GOODBYE is
     * answered, and the rest goes to the inbox.
     */
    void dispatch(WampMessage message) {
        switch (message.type()) {
            case ERROR -> {
                if (!complete(((ErrorMessage) message).request(), message)) {
                    keep(message);
                }
            }
            case GOODBYE -> {
                keep(message);
                if (!"wamp.close.goodbye_and_out".equals(((Goodbye) message).reason())) {
                    send(new Goodbye(Map.of(), "wamp.close.goodbye_and_out"));
                }
            }
            default -> keep(message);
        }
    }

    /** Completes the future waiting for the answer to {@code request}; false when none waits. */
    final boolean complete(long request, WampMessage message) {
        CompletableFuture<WampMessage> waiting = pending.remove(request);
        if (waiting == null) {
            return false;
        }
        waiting.complete(message);
        return true;
    }

    /** Puts a message in the inbox, for the test to see with {@link #next()}. */
    final void keep(WampMessage message) {
        inbox.add(message);
    }

    /** A whole frame from the WebSocket; one that cannot be decoded or handled is kept aside as undecodable. */
    private void received(Object frame) {
        try {
            decode(frame);
        }
        catch (RuntimeException ex) {
            undecodable.add(frame);
        }
    }

    private void decode(Object frame) {
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
        webSocket.pauseReading();
    }

    /** Frames a raw client could not decode. */
    public List<Object> undecodableFrames() {
        return List.copyOf(undecodable);
    }

    /** Drops the connection without a close handshake or GOODBYE: the network failed. */
    public void dropConnection() {
        webSocket.abort();
    }

    /** Closes the WebSocket normally and waits (briefly) for the server's close. */
    @Override
    public void close() {
        webSocket.close();
    }
}
