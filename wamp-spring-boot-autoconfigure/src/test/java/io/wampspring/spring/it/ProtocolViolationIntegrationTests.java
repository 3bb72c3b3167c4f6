package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;

import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Register;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over a raw WebSocket: every protocol violation ends that session with ABORT
 * {@code wamp.error.protocol_violation} followed by a close of the WebSocket, and a normal session on the same
 * application works right after.
 */
class ProtocolViolationIntegrationTests extends AbstractWampIntegrationTests {

    private static final int PROTOCOL_ERROR = 1002;

    private static final Map<String, Object> ROLES = TestWampClient.helloDetails();

    @Autowired
    WampRouter router;

    private long violationsBefore;

    @BeforeEach
    void countViolations() {
        violationsBefore = router.stats().protocolViolations();
    }

    /** ABORT protocol_violation, then the close; then the router still serves a fresh session. */
    private void assertProtocolViolation(TestWampClient client, String serializer) {
        Abort abort = client.nextAbort();
        assertThat(abort.reason()).isEqualTo("wamp.error.protocol_violation");
        assertThat(abort.details().get("message")).asString().isNotBlank();
        assertThat(client.awaitClose()).isEqualTo(PROTOCOL_ERROR);
        assertThat(client.drainInbox()).as("nothing after the ABORT").isEmpty();
        assertThat(router.stats().protocolViolations()).as("counted once").isEqualTo(violationsBefore + 1);
        assertRouterStillServes(serializer);
    }

    @AllSerializers
    void messageBeforeHello(String serializer) {
        TestWampClient client = connect(serializer);
        client.send(new Register(1, Map.of(), "test.sneaky"));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void callBeforeHello(String serializer) {
        TestWampClient client = connect(serializer);
        client.send(new Call(1, Map.of(), "test.add", Payload.of(List.of(1, 2), null)));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void secondHello(String serializer) {
        TestWampClient client = join(serializer);
        client.send(new Hello("realm1", ROLES));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void unknownMessageType(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.send(client, serializer, List.of(99, 1, Map.of()));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void unknownMessageTypeBeforeHello(String serializer) {
        TestWampClient client = connect(serializer);
        RawFrames.send(client, serializer, List.of(7, "realm1", Map.of()));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void malformedFrame(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.sendMalformed(client, serializer);
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void malformedFrameBeforeHello(String serializer) {
        TestWampClient client = connect(serializer);
        RawFrames.sendMalformed(client, serializer);
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void stringRequestId(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.send(client, serializer, List.of(48, "1", Map.of(), "test.add", List.of(1, 2)));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void optionsNotADictionary(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.send(client, serializer, List.of(48, 1, List.of(), "test.add", List.of(1, 2)));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void argsNotAList(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.send(client, serializer, List.of(48, 1, Map.of(), "test.add", Map.of("a", 1)));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void procedureNotAString(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.send(client, serializer, List.of(48, 1, Map.of(), 42, List.of(1, 2)));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void realmNotAString(String serializer) {
        TestWampClient client = connect(serializer);
        RawFrames.send(client, serializer, List.of(1, 42, ROLES));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void helloWithoutRoles(String serializer) {
        TestWampClient client = connect(serializer);
        RawFrames.send(client, serializer, List.of(1, "realm1", Map.of()));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void messageThatIsADictionary(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.send(client, serializer, Map.of("type", 48));
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void messageThatIsAString(String serializer) {
        TestWampClient client = connect(serializer);
        RawFrames.send(client, serializer, "HELLO");
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void messageThatIsAnEmptyList(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.send(client, serializer, List.of());
        assertProtocolViolation(client, serializer);
    }

    @AllSerializers
    void messageTooLongForItsType(String serializer) {
        TestWampClient client = join(serializer);
        RawFrames.send(client, serializer, List.of(32, 1, Map.of(), "test.topic", "extra"));
        assertProtocolViolation(client, serializer);
    }

    @ParameterizedTest(name = "wamp.2.{0}")
    @ValueSource(strings = {"msgpack", "cbor"})
    void textFrameOnABinaryConnection(String serializer) {
        TestWampClient client = join(serializer);
        client.sendText("[48, 1, {}, \"test.add\", [1, 2]]");
        assertProtocolViolation(client, serializer);
    }

    @Test
    void binaryFrameOnAJsonConnection() {
        TestWampClient client = join("json");
        client.sendBinary(RawFrames.msgpack(List.of(48, 1, Map.of(), "test.add", List.of(1, 2))));
        assertProtocolViolation(client, "json");
    }

    @AllSerializers
    void helloForAnUnknownRealm(String serializer) {
        TestWampClient client = connect(serializer);
        client.send(new Hello("no.such.realm", ROLES));
        Abort abort = client.nextAbort();
        assertThat(abort.reason()).isEqualTo("wamp.error.no_such_realm");
        assertThat(router.stats().protocolViolations()).as("not a protocol violation").isEqualTo(violationsBefore);
        assertThat(client.awaitClose()).isPositive();
        assertRouterStillServes(serializer);
    }

    @Test
    void webSocketWithoutSubprotocolIsClosed() {
        TestWampClient client = connectRaw();
        assertThat(client.awaitClose()).isEqualTo(PROTOCOL_ERROR);
        assertThat(client.subprotocol()).isEmpty();
        assertThat(client.drainInbox()).isEmpty();
        assertThat(client.undecodableFrames()).isEmpty();
        assertRouterStillServes("json");
    }

    @Test
    void webSocketWithOnlyUnknownSubprotocolsIsClosed() {
        TestWampClient client = connectRaw("wamp.2.xml", "mqtt");
        assertThat(client.awaitClose()).isEqualTo(PROTOCOL_ERROR);
        assertThat(client.drainInbox()).isEmpty();
        assertRouterStillServes("cbor");
    }

    @Test
    void serverPicksASupportedSubprotocolAmongSeveral() {
        TestWampClient client = connectRaw("wamp.2.xml", "wamp.2.cbor");
        assertThat(client.subprotocol()).isEqualTo("wamp.2.cbor");
    }
}
