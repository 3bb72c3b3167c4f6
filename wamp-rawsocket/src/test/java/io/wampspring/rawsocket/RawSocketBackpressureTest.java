package io.wampspring.rawsocket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.UriCheck;
import io.wampspring.router.WampRouter;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.transport.SlowConsumerPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A subscriber that stops reading: Netty holds only the frame in flight, the router's bounded send buffer the rest,
 * and when that is full the slow-consumer policy disconnects it while the publisher carries on.
 */
class RawSocketBackpressureTest {

    private static final String HELLO = "[1,\"realm1\",{\"roles\":{\"subscriber\":{},\"publisher\":{}}}]";

    private final WampRouter router = new WampRouter(
            new RouterConfig(UriCheck.LOOSE, 64 * 1024, SlowConsumerPolicy.DISCONNECT, Duration.ofSeconds(1)),
            List.of(RealmConfig.anonymous("realm1")));
    private final RawSocketServer server =
            new RawSocketServer(router, RawSocketConfig.loopback(List.of(Serializers.JSON)));

    @AfterEach
    void stop() {
        server.stop();
        router.close();
    }

    @Test
    void disconnectsASubscriberThatStopsReadingAndKeepsThePublisher() throws IOException {
        InetSocketAddress address = server.start();
        try (RawSocketTestClient stalled = new RawSocketTestClient(address);
                RawSocketTestClient publisher = new RawSocketTestClient(address)) {
            stalled.handshake(15, 1);
            stalled.sendJson(HELLO);
            assertThat(stalled.readJson()).startsWith("[2,");
            stalled.sendJson("[32,1,{},\"com.example.flood\"]");
            assertThat(stalled.readJson()).startsWith("[33,1,");
            publisher.handshake(15, 1);
            publisher.sendJson(HELLO);
            assertThat(publisher.readJson()).startsWith("[2,");

            String event = "[16,%d,{},\"com.example.flood\",[\"" + "x".repeat(16 * 1024) + "\"]]";
            int request = 1;
            while (router.stats().slowConsumerDisconnects() == 0 && request < 20_000) {
                publisher.sendJson(event.formatted(request++));
            }
            await().until(() -> router.stats().slowConsumerDisconnects() == 1);
            publisher.sendJson("[16,999999,{\"acknowledge\":true},\"com.example.flood\",[]]");
            assertThat(publisher.readJson()).startsWith("[17,999999,");
            await().until(() -> server.openConnections() == 1);
        }
    }
}
