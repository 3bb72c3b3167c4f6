package io.wampspring.sample.interop;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.crossbar.autobahn.wamp.Session;
import io.crossbar.autobahn.wamp.exceptions.ApplicationError;
import io.crossbar.autobahn.wamp.interfaces.IInvocationHandler;
import io.crossbar.autobahn.wamp.interfaces.ISerializer;
import io.crossbar.autobahn.wamp.interfaces.ITransport;
import io.crossbar.autobahn.wamp.interfaces.ITransportHandler;
import io.crossbar.autobahn.wamp.interfaces.TriFunction;
import io.crossbar.autobahn.wamp.reflectionRoles.WampException;
import io.crossbar.autobahn.wamp.serializers.CBORSerializer;
import io.crossbar.autobahn.wamp.serializers.JSONSerializer;
import io.crossbar.autobahn.wamp.serializers.MessagePackSerializer;
import io.crossbar.autobahn.wamp.transports.NettyWebSocket;
import io.crossbar.autobahn.wamp.transports.NettyWebSocketClientHandler;
import io.crossbar.autobahn.wamp.types.CallOptions;
import io.crossbar.autobahn.wamp.types.CallResult;
import io.crossbar.autobahn.wamp.types.CloseDetails;
import io.crossbar.autobahn.wamp.types.EventDetails;
import io.crossbar.autobahn.wamp.types.InvocationDetails;
import io.crossbar.autobahn.wamp.types.InvocationResult;
import io.crossbar.autobahn.wamp.types.PublishOptions;
import io.crossbar.autobahn.wamp.types.SessionDetails;
import io.crossbar.autobahn.wamp.types.TransportOptions;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import org.jspecify.annotations.Nullable;

/**
 * A session of autobahn-java (io.crossbar.autobahn:autobahn-java, Netty WebSocket transport) with the one serializer
 * the test asks for. autobahn-java's JSON serializer knows nothing of WAMP's binary convention (Jackson 2 would write
 * a byte[] as plain base64), so with JSON this class applies it around the library: outgoing byte[] become
 * {@code "\u0000" + base64} strings, incoming such strings become byte[] again. MessagePack and CBOR carry byte[]
 * natively. Invocations and events are recorded as received, before that decoding, so absent args stay null.
 */
final class AutobahnJavaClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private final String serializer;
    private final ExecutorService executor;
    private final Session session;
    private final NettyWebSocket transport;
    private final CompletableFuture<String> negotiated = new CompletableFuture<>();
    private final CompletableFuture<Boolean> disconnected = new CompletableFuture<>();
    private final Map<String, List<Received>> invocations = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> events = new ConcurrentHashMap<>();
    private long sessionId;

    /** A call, an event or an invocation as autobahn-java handed it over: raw (args may be null) and decoded. */
    record Received(@Nullable List<Object> rawArgs, @Nullable Map<String, Object> rawKwargs, List<Object> args,
            Map<String, Object> kwargs, long publication) {
    }

    /** Connects with {@code serializer} ("json", "msgpack" or "cbor") alone and joins {@code realm}. */
    static AutobahnJavaClient connect(String url, String realm, String serializer) throws Exception {
        AutobahnJavaClient client = new AutobahnJavaClient(serializer, url);
        try {
            client.join(realm);
            return client;
        }
        catch (Exception | Error ex) {
            client.close();
            throw ex;
        }
    }

    private AutobahnJavaClient(String serializer, String url) {
        this.serializer = serializer;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "autobahn-java-" + serializer);
            thread.setDaemon(true);
            return thread;
        });
        this.session = new Session(executor);
        this.transport = new NettyWebSocket(url, List.of(protocolOf(serializer)));
    }

    private static String protocolOf(String serializer) {
        return switch (serializer) {
            case "json" -> JSONSerializer.NAME;
            case "msgpack" -> MessagePackSerializer.NAME;
            case "cbor" -> CBORSerializer.NAME;
            default -> throw new IllegalArgumentException(serializer);
        };
    }

    private void join(String realm) throws Exception {
        CompletableFuture<SessionDetails> joined = new CompletableFuture<>();
        session.addOnConnectListener(connected -> connected.join(realm).whenComplete((details, failure) -> {
            if (failure != null) {
                joined.completeExceptionally(failure);
            }
            else {
                joined.complete(details);
            }
        }));
        session.addOnLeaveListener((left, details) -> joined.completeExceptionally(
                new IllegalStateException("left before joining: " + details.reason)));
        TransportOptions options = new TransportOptions();
        options.setMaxFramePayloadSize(MAX_MESSAGE);
        options.setAutoPingInterval(60);
        options.setAutoPingTimeout(30);
        // the transport reports to this handler, which tells the session and notes the negotiated serializer
        transport.connect(new ITransportHandler() {
            @Override
            public void onConnect(ITransport connected, ISerializer chosen) throws Exception {
                installFrameAggregator(connected);
                negotiated.complete(chosen instanceof JSONSerializer ? JSONSerializer.NAME
                        : chosen instanceof MessagePackSerializer ? MessagePackSerializer.NAME
                        : chosen instanceof CBORSerializer ? CBORSerializer.NAME : chosen.getClass().getName());
                session.onConnect(connected, chosen);
            }

            @Override
            public void onMessage(byte[] payload, boolean isBinary) throws Exception {
                session.onMessage(payload, isBinary);
            }

            @Override
            public void onLeave(CloseDetails details) {
                session.onLeave(details);
            }

            @Override
            public void onDisconnect(boolean wasClean) {
                disconnected.complete(wasClean);
                session.onDisconnect(wasClean);
            }

            @Override
            public boolean isConnected() {
                return session.isConnected();
            }
        }, options);
        SessionDetails details = joined.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        sessionId = details.sessionID;
    }

    /**
     * autobahn-java's Netty pipeline has no {@link WebSocketFrameAggregator} and its handler ignores continuation
     * frames, so it cannot receive a message that a server sends in several frames (RFC 6455 fragmentation). Tomcat
     * sends every text message longer than its 8 KiB output buffer, and every compressed (permessage-deflate)
     * message whose output exceeds it, that way. Without this, any RESULT, INVOCATION or EVENT above that size is
     * silently lost to autobahn-java (its handler parses the first fragment, fails and drops it). This adds the
     * aggregator Netty provides in front of autobahn-java's handler; everything WAMP stays autobahn-java's own.
     * Runs on the channel's event loop, right after the handshake, before any WAMP message arrives.
     */
    private static void installFrameAggregator(ITransport transport) throws ReflectiveOperationException {
        Field channelField = NettyWebSocket.class.getDeclaredField("mChannel");
        channelField.setAccessible(true);
        Channel channel = (Channel) channelField.get(transport);
        ChannelHandlerContext handler = channel.pipeline().context(NettyWebSocketClientHandler.class);
        channel.pipeline().addBefore(handler.name(), "interop-frame-aggregator",
                new WebSocketFrameAggregator(MAX_MESSAGE));
    }

    /** Whether the WAMP session is joined and its transport open. */
    boolean isOpen() {
        return session.isConnected() && !disconnected.isDone();
    }

    long sessionId() {
        return sessionId;
    }

    /** The WebSocket subprotocol the router chose. */
    String protocol() {
        return negotiated.getNow("none");
    }

    // ------------------------------------------------------------------------------------------------------------
    // WAMP operations (blocking, each with a timeout)

    /** Calls; null args/kwargs are left out of the CALL. */
    WampReply call(String procedure, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        CompletableFuture<CallResult> call = session.call(procedure, encodeList(args), encodeMap(kwargs),
                (CallOptions) null);
        try {
            CallResult result = call.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return WampReply.result(decode(result.results), decode(result.kwresults));
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause() instanceof CompletionException && ex.getCause().getCause() != null
                    ? ex.getCause().getCause() : ex.getCause();
            if (cause instanceof ApplicationError error) {
                return WampReply.error(error.getMessage(), decode(error.args), decode(error.kwargs));
            }
            throw new AssertionError("autobahn-java call of " + procedure + " failed", cause);
        }
        catch (TimeoutException ex) {
            throw new AssertionError("autobahn-java (" + serializer + "): no answer to the call of " + procedure
                    + " within " + TIMEOUT);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Calls and returns the result's args as autobahn-java decoded them (JSON binaries decoded), not normalized. */
    List<Object> callRawArgs(String procedure, List<?> args) {
        CompletableFuture<CallResult> call = session.call(procedure, encodeList(args), (Map<String, Object>) null,
                (CallOptions) null);
        CallResult result = await(call, "call " + procedure);
        @SuppressWarnings("unchecked")
        List<Object> decoded = (List<Object>) decode(result.results);
        return decoded;
    }

    /** Registers a callee that records each invocation and answers with its args and kwargs, untouched. */
    void registerEcho(String procedure) {
        IInvocationHandler echo = (args, kwargs, details) -> {
            record(invocations, procedure, args, kwargs, 0);
            return new InvocationResult(args, kwargs);
        };
        await(session.register(procedure, echo), "register " + procedure);
    }

    /** Registers a callee that records each invocation and fails with this application error. */
    void registerFailing(String procedure, String errorUri, List<?> args, Map<String, ?> kwargs) {
        // a failed future is how autobahn-java lets a callee answer with an application error
        TriFunction<List<Object>, Map<String, Object>, InvocationDetails, CompletableFuture<InvocationResult>> failing =
                (invocationArgs, invocationKwargs, details) -> {
                    record(invocations, procedure, invocationArgs, invocationKwargs, 0);
                    return CompletableFuture.failedFuture(
                            new WampException(errorUri, null, encodeList(args), encodeMap(kwargs)));
                };
        await(session.register(procedure, failing), "register " + procedure);
    }

    void subscribe(String topic) {
        await(session.subscribe(topic, (List<Object> args, Map<String, Object> kwargs, EventDetails details) ->
                record(events, topic, args, kwargs, details.publication)), "subscribe " + topic);
    }

    /** Publishes with acknowledgement (and exclude_me, the default); returns the publication id. */
    long publish(String topic, @Nullable List<?> args, @Nullable Map<String, ?> kwargs) {
        return await(session.publish(topic, encodeList(args), encodeMap(kwargs), new PublishOptions(true, true)),
                "publish " + topic).publication;
    }

    /** Events received on the topic so far (a live, thread-safe view). */
    List<Received> events(String topic) {
        return events.computeIfAbsent(topic, key -> new CopyOnWriteArrayList<>());
    }

    /** Invocations of the procedure so far (a live, thread-safe view). */
    List<Received> invocations(String procedure) {
        return invocations.computeIfAbsent(procedure, key -> new CopyOnWriteArrayList<>());
    }

    private void record(Map<String, List<Received>> log, String key, @Nullable List<Object> args,
            @Nullable Map<String, Object> kwargs, long publication) {
        log.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(new Received(args, kwargs,
                Values.normalizeList(decode(args)), Values.normalizeMap(decode(kwargs)), publication));
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            throw new AssertionError("autobahn-java (" + serializer + "): " + what + " failed", ex.getCause());
        }
        catch (TimeoutException ex) {
            throw new AssertionError("autobahn-java (" + serializer + "): " + what + " timed out");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // WAMP's JSON binary convention, which autobahn-java leaves to its user

    private boolean json() {
        return serializer.equals("json");
    }

    @SuppressWarnings("unchecked")
    private @Nullable List<Object> encodeList(@Nullable List<?> args) {
        return args == null ? null : (List<Object>) encode(args);
    }

    @SuppressWarnings("unchecked")
    private @Nullable Map<String, Object> encodeMap(@Nullable Map<String, ?> kwargs) {
        return kwargs == null ? null : (Map<String, Object>) encode(kwargs);
    }

    private @Nullable Object encode(@Nullable Object value) {
        if (value instanceof Values.Bytes bytes) {
            return encode(bytes.toArray());
        }
        if (value instanceof byte[] bytes) {
            return json() ? "\u0000" + Base64.getEncoder().encodeToString(bytes) : bytes;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> encoded = new LinkedHashMap<>();
            map.forEach((key, element) -> encoded.put(String.valueOf(key), encode(element)));
            return encoded;
        }
        if (value instanceof List<?> list) {
            List<Object> encoded = new ArrayList<>(list.size());
            list.forEach(element -> encoded.add(encode(element)));
            return encoded;
        }
        return value;
    }

    private @Nullable Object decode(@Nullable Object value) {
        if (json() && value instanceof String text && text.startsWith("\u0000")) {
            return Base64.getDecoder().decode(text.substring(1));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> decoded = new LinkedHashMap<>();
            map.forEach((key, element) -> decoded.put(String.valueOf(key), decode(element)));
            return decoded;
        }
        if (value instanceof List<?> list) {
            List<Object> decoded = new ArrayList<>(list.size());
            list.forEach(element -> decoded.add(decode(element)));
            return decoded;
        }
        return value;
    }

    /** Says GOODBYE and waits for the router's answer to close the transport; whatever happens, all is released. */
    @Override
    public void close() {
        try {
            if (session.isConnected()) {
                session.leave("wamp.close.normal", "interop test done");
                disconnected.get(10, TimeUnit.SECONDS);
            }
        }
        catch (Exception ignored) {
            // released below in any case
        }
        finally {
            try {
                transport.close();
            }
            catch (Exception ignored) {
                // already closed
            }
            executor.shutdownNow();
        }
    }
}
