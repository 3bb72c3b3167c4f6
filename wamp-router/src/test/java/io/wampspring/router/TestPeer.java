package io.wampspring.router;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
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
        this.serializer = serializer;
        this.transport = new TestTransport(serializer.name());
        this.connection = router.connect(transport, serializer);
        transport.onClose(connection::onClose);
    }

    /** Connects and joins, expecting WELCOME. */
    public static TestPeer joined(WampRouter router, String realm) {
        TestPeer peer = new TestPeer(router);
        peer.join(realm);
        return peer;
    }

    public Welcome join(String realm) {
        send(new Hello(realm, Map.of("roles", ROLES)));
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
        long request = nextRequest();
        send(new Register(request, Map.of(), procedure));
        Registered registered = next(Registered.class);
        assertThat(registered.request()).isEqualTo(request);
        return registered.registration();
    }

    public long subscribe(String topic) {
        long request = nextRequest();
        send(new Subscribe(request, Map.of(), topic));
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
