package io.wampspring.rawsocket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.serialization.Serializers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The handshake, framing and limits over a real TCP socket to a real router. */
class RawSocketServerTest {

    private static final String HELLO = "[1,\"realm1\",{\"roles\":{\"subscriber\":{},\"publisher\":{}}}]";

    private final WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));
    private RawSocketServer server;

    private InetSocketAddress start(UnaryOperator<RawSocketConfig> customizer) {
        server = new RawSocketServer(router,
                customizer.apply(RawSocketConfig.loopback(List.of(Serializers.JSON, Serializers.MSGPACK))));
        return server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
        router.close();
    }

    @Test
    void acceptsAndAnnouncesItsOwnLimitWithTheClientsSerializer() throws IOException {
        InetSocketAddress address = start(config -> config.withMaxLengthExponent(11));
        assertThat(address.getPort()).isPositive();
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            assertThat(client.handshake(15, 2)).containsExactly(0x7F, 11 << 4 | 2, 0, 0);
        }
    }

    @Test
    void refusesSerializerZeroUnknownAndNotOfferedWithError1() throws IOException {
        InetSocketAddress address = start(UnaryOperator.identity());
        for (int serializerId : new int[] {0, 3, 4, 15}) {
            try (RawSocketTestClient client = new RawSocketTestClient(address)) {
                assertThat(client.handshake(15, serializerId)).as("serializer %d", serializerId)
                        .containsExactly(0x7F, 1 << 4, 0, 0);
                assertThat(client.closedByPeer()).isTrue();
            }
        }
    }

    @Test
    void refusesAClientLimitBelowTheMinimumWithError2() throws IOException {
        InetSocketAddress address = start(config -> config.withMinClientLengthExponent(3));
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            assertThat(client.handshake(2, 1)).containsExactly(0x7F, 2 << 4, 0, 0);
            assertThat(client.closedByPeer()).isTrue();
        }
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            assertThat(client.handshake(3, 1)).containsExactly(0x7F, 15 << 4 | 1, 0, 0);
        }
    }

    @Test
    void refusesReservedOctetsWithError3() throws IOException {
        InetSocketAddress address = start(UnaryOperator.identity());
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            client.send((byte) 0x7F, (byte) 0xF1, (byte) 0, (byte) 1);
            assertThat(client.readExactly(4)).containsExactly(0x7F, 3 << 4, 0, 0);
            assertThat(client.closedByPeer()).isTrue();
        }
    }

    @Test
    void refusesConnectionsBeyondTheMaximumWithError4UntilOneCloses() throws IOException {
        InetSocketAddress address = start(config -> config.withMaxConnections(1));
        try (RawSocketTestClient first = new RawSocketTestClient(address)) {
            assertThat(first.handshake(15, 1)).containsExactly(0x7F, 15 << 4 | 1, 0, 0);
            try (RawSocketTestClient second = new RawSocketTestClient(address)) {
                assertThat(second.handshake(15, 1)).containsExactly(0x7F, 4 << 4, 0, 0);
                assertThat(second.closedByPeer()).isTrue();
            }
        }
        await().until(() -> server.openConnections() == 0);
        try (RawSocketTestClient third = new RawSocketTestClient(address)) {
            assertThat(third.handshake(15, 1)).containsExactly(0x7F, 15 << 4 | 1, 0, 0);
        }
    }

    @Test
    void closesWithoutReplyWhenTheMagicIsWrong() throws IOException {
        InetSocketAddress address = start(UnaryOperator.identity());
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            client.send("GET / HTTP/1.1\r\n\r\n".getBytes());
            assertThat(client.closedByPeer()).isTrue();
        }
    }

    @Test
    void closesAClientThatSendsNoHandshakeInTime() throws IOException {
        InetSocketAddress address = start(config -> config.withHandshakeTimeout(Duration.ofMillis(200)));
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            assertThat(client.closedByPeer()).isTrue();
        }
    }

    @Test
    void answersPingWithPongCarryingTheSamePayload() throws IOException {
        InetSocketAddress address = start(UnaryOperator.identity());
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            client.handshake(15, 1);
            client.sendFrame(1, new byte[] {1, 2, 3, 42});
            client.sendFrame(1, new byte[0]);
            RawSocketTestClient.Frame pong = client.readFrame();
            assertThat(pong.type()).isEqualTo(2);
            assertThat(pong.payload()).containsExactly(1, 2, 3, 42);
            RawSocketTestClient.Frame empty = client.readFrame();
            assertThat(empty.type()).isEqualTo(2);
            assertThat(empty.payload()).isEmpty();
            // a PONG from the client is ignored, and the session goes on
            client.sendFrame(2, new byte[] {9});
            client.sendJson(HELLO);
            assertThat(client.readJson()).startsWith("[2,");
        }
    }

    @Test
    void abortsAndClosesWhenAMessageExceedsTheRoutersLimit() throws IOException {
        InetSocketAddress address = start(config -> config.withMaxLengthExponent(0));
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            assertThat(client.handshake(15, 1)).containsExactly(0x7F, 1, 0, 0);
            client.sendJson(HELLO);
            assertThat(client.readJson()).startsWith("[2,");
            client.sendJson("[16,1,{},\"com.example.big\",[\"" + "x".repeat(600) + "\"]]");
            assertThat(client.readJson()).startsWith("[3,").contains("wamp.error.payload_size_exceeded");
            assertThat(client.closedByPeer()).isTrue();
        }
    }

    @Test
    void abortsAFrameOfReservedTypeAsAProtocolViolation() throws IOException {
        InetSocketAddress address = start(UnaryOperator.identity());
        try (RawSocketTestClient client = new RawSocketTestClient(address)) {
            client.handshake(15, 1);
            client.sendFrame(3, new byte[] {1});
            assertThat(client.readJson()).startsWith("[3,").contains("wamp.error.protocol_violation");
            assertThat(client.closedByPeer()).isTrue();
        }
    }

    @Test
    void neverSendsAClientMoreThanItsLimitAndClosesInstead() throws IOException {
        InetSocketAddress address = start(UnaryOperator.identity());
        try (RawSocketTestClient small = new RawSocketTestClient(address);
                RawSocketTestClient publisher = new RawSocketTestClient(address)) {
            small.handshake(1, 1); // receives at most 1 KiB
            small.sendJson(HELLO);
            assertThat(small.readJson()).startsWith("[2,");
            small.sendJson("[32,1,{},\"com.example.topic\"]");
            assertThat(small.readJson()).startsWith("[33,1,");
            publisher.handshake(15, 1);
            publisher.sendJson(HELLO);
            assertThat(publisher.readJson()).startsWith("[2,");
            publisher.sendJson("[16,1,{},\"com.example.topic\",[\"small\"]]");
            assertThat(small.readJson()).startsWith("[36,").contains("small");
            publisher.sendJson("[16,2,{\"acknowledge\":true},\"com.example.topic\",[\"" + "x".repeat(2000) + "\"]]");
            assertThat(publisher.readJson()).startsWith("[17,2,");
            assertThat(small.closedByPeer()).isTrue();
        }
    }
}
