package io.wampspring.router;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A remote client as the router sees it: frames in through {@link WampConnection}, frames out decoded. */
public final class TestPeer {

    public static final Map<String, Object> ROLES = Map.of(
            "caller", Map.of("features", Map.of()),
            "callee", Map.of("features", Map.of()),
            "publisher", Map.of("features", Map.of()),
            "subscriber", Map.of("features", Map.of()));

    /** The advanced RPC features a client may announce, by role. */
    private static final List<String> CALLER_FEATURES = List.of("caller_identification", "call_canceling",
            "call_timeout", "progressive_call_results", "progressive_call_invocations");
    private static final List<String> CALLEE_FEATURES = List.of("caller_identification", "call_canceling",
            "call_timeout", "progressive_call_results", "progressive_call_invocations", "pattern_based_registration",
            "shared_registration", "registration_revocation");

    /** Roles announcing every advanced RPC feature, for caller and callee alike. */
    public static final Map<String, Object> ADVANCED_ROLES = roles(Stream.concat(
            CALLER_FEATURES.stream().map(feature -> "caller." + feature),
            CALLEE_FEATURES.stream().map(feature -> "callee." + feature)).toArray(String[]::new));

    /** Roles for caller, callee, publisher and subscriber announcing exactly the given {@code role.feature}s. */
    public static Map<String, Object> roles(String... roleFeatures) {
        Map<String, Map<String, Object>> features = new LinkedHashMap<>();
        for (String role : List.of("caller", "callee", "publisher", "subscriber")) {
            features.put(role, new LinkedHashMap<>());
        }
        for (String roleFeature : roleFeatures) {
            int dot = roleFeature.indexOf('.');
            features.get(roleFeature.substring(0, dot)).put(roleFeature.substring(dot + 1), true);
        }
        Map<String, Object> roles = new LinkedHashMap<>();
        features.forEach((role, announced) -> roles.put(role, Map.of("features", Map.copyOf(announced))));
        return Map.copyOf(roles);
    }

    public final WampSerializer serializer;
    public final TestTransport transport;
    public final WampConnection connection;
    private final AtomicLong requestIds = new AtomicLong();
    private int cursor;
    public long sessionId;

    public TestPeer(WampRouter router) {
        this(router, Serializers.JSON);
    }

    public TestPeer(WampRouter router, WampSerializer serializer) {
        this(router, serializer, null);
    }

    /** A peer connecting from {@code remoteAddress} (null: an address the transport does not know). */
    public TestPeer(WampRouter router, WampSerializer serializer,
            java.net.@org.jspecify.annotations.Nullable InetSocketAddress remoteAddress) {
        this.serializer = serializer;
        this.transport = new TestTransport(serializer.name(), remoteAddress);
        this.connection = router.connect(transport, serializer);
        transport.onClose(connection::onClose);
    }

    /** Connects and joins, expecting WELCOME. */
    public static TestPeer joined(WampRouter router, String realm) {
        TestPeer peer = new TestPeer(router);
        peer.join(realm);
        return peer;
    }

    /** Connects and joins announcing the given roles (e.g. {@link #ADVANCED_ROLES}), expecting WELCOME. */
    public static TestPeer joinedWith(WampRouter router, String realm, Map<String, Object> roles) {
        return joinedWith(router, Serializers.JSON, realm, roles);
    }

    public static TestPeer joinedWith(WampRouter router, WampSerializer serializer, String realm,
            Map<String, Object> roles) {
        TestPeer peer = new TestPeer(router, serializer);
        peer.join(realm, roles);
        return peer;
    }

    public Welcome join(String realm) {
        return join(realm, ROLES);
    }

    public Welcome join(String realm, Map<String, Object> roles) {
        send(new Hello(realm, Map.of("roles", roles)));
        Welcome welcome = next(Welcome.class);
        sessionId = welcome.session();
        return welcome;
    }

    public long nextRequest() {
        return requestIds.incrementAndGet();
    }

    public void send(WampMessage message) {
        byte[] frame = serializer.serialize(message);
        if (serializer.isBinary()) {
            connection.onFrame(frame);
        }
        else {
            connection.onFrame(new String(frame, StandardCharsets.UTF_8));
        }
    }

    public void sendText(String text) {
        connection.onFrame(text);
    }

    public void sendBinary(byte[] frame) {
        connection.onFrame(frame);
    }

    /** The network drops: the transport adapter reports the close. */
    public void disconnect() {
        connection.onClose();
    }

    public List<WampMessage> received() {
        return transport.frames.stream().map(this::decode).toList();
    }

    /** The message at {@code index} of those received so far, for threads that follow the frames themselves. */
    public WampMessage receivedAt(int index) {
        return decode(transport.frames.get(index));
    }

    public int receivedCount() {
        return transport.frames.size();
    }

    /** The next message not yet looked at, waiting for it if it has not arrived yet. */
    public <T extends WampMessage> T next(Class<T> type) {
        if (transport.frames.size() <= cursor) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(2))
                    .until(() -> transport.frames.size() > cursor);
        }
        WampMessage message = decode(transport.frames.get(cursor++));
        assertThat(message).as("message %d received", cursor).isInstanceOf(type);
        return type.cast(message);
    }

    /** Every message not yet looked at, which are now looked at. */
    public List<WampMessage> drain() {
        int end = transport.frames.size();
        List<WampMessage> messages = received().subList(Math.min(cursor, end), end);
        cursor = Math.max(cursor, end);
        return messages;
    }

    public ErrorMessage nextError(MessageType requestType, long request, String uri) {
        ErrorMessage error = next(ErrorMessage.class);
        assertThat(error.requestType()).isEqualTo(requestType);
        assertThat(error.request()).isEqualTo(request);
        assertThat(error.error()).isEqualTo(uri);
        return error;
    }

    public void expectNothingMore() {
        assertThat(transport.frames.size()).as("messages beyond the ones looked at: %s",
                received().subList(Math.min(cursor, transport.frames.size()), transport.frames.size()))
                .isEqualTo(cursor);
    }

    public long register(String procedure) {
        return register(procedure, Map.of());
    }

    public long register(String procedure, Map<String, Object> options) {
        long request = nextRequest();
        send(new Register(request, options, procedure));
        Registered registered = next(Registered.class);
        assertThat(registered.request()).isEqualTo(request);
        return registered.registration();
    }

    /**
     * A request the router answers at once (UNREGISTER of a registration no one holds): once its ERROR is here, the
     * router has handled everything this peer sent before it, and whatever that made it send this peer is here too.
     */
    public void roundTrip() {
        long request = nextRequest();
        send(new Unregister(request, 1L));
        nextError(MessageType.UNREGISTER, request, WampUris.NO_SUCH_REGISTRATION);
    }

    public long subscribe(String topic) {
        return subscribe(topic, Map.of());
    }

    public long subscribe(String topic, Map<String, Object> options) {
        long request = nextRequest();
        send(new Subscribe(request, options, topic));
        Subscribed subscribed = next(Subscribed.class);
        assertThat(subscribed.request()).isEqualTo(request);
        return subscribed.subscription();
    }

    private WampMessage decode(byte[] frame) {
        return serializer.isBinary()
                ? serializer.deserialize(frame)
                : serializer.deserialize(new String(frame, StandardCharsets.UTF_8));
    }

    /** Waits for a condition, checking every millisecond: for tests that race the router on purpose. */
    public static void awaitFast(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(1)).until(condition);
    }
}
