package io.wampspring.router;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.serialization.Serializers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A value one serializer cannot write (an integer beyond 64 bits, for MessagePack) never leaves a caller waiting and
 * never stops a fan-out.
 */
class UnserializablePayloadTest {

    private static final BigInteger HUGE = BigInteger.TWO.pow(70);
    private static final AuthIdentity LOCAL = new AuthIdentity("spring", "trusted", "local", "test");

    private final WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));
    private final ExecutorService executor = Executors.newFixedThreadPool(2);

    @AfterEach
    void tearDown() throws InterruptedException {
        router.shutdown(Duration.ZERO);
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private TestPeer joined(io.wampspring.router.serialization.WampSerializer serializer) {
        TestPeer peer = new TestPeer(router, serializer);
        peer.join("realm1");
        return peer;
    }

    @Test
    void aResultTheCallersSerializerCannotWriteBecomesAnError() throws Exception {
        LocalSession callee = new LocalSession(router, "realm1", LOCAL, executor);
        callee.register("com.example.huge", Map.of(),
                invocation -> CompletableFuture.completedFuture(Payload.ofArgs(HUGE))).get(5, TimeUnit.SECONDS);
        TestPeer msgpack = joined(Serializers.MSGPACK);
        TestPeer json = joined(Serializers.JSON);

        msgpack.send(new Call(1L, Map.of(), "com.example.huge", Payload.EMPTY));
        ErrorMessage error = msgpack.nextError(MessageType.CALL, 1L, WampUris.INVALID_PAYLOAD);
        assertThat(error.payload().args().get(0)).asString().contains("cannot be sent to the caller");

        json.send(new Call(1L, Map.of(), "com.example.huge", Payload.EMPTY));
        assertThat(json.next(Result.class).payload().args()).containsExactly(HUGE);
        callee.close();
    }

    @Test
    void anEventOneSubscriberCannotTakeStillReachesTheOthers() throws Exception {
        TestPeer msgpack = joined(Serializers.MSGPACK);
        TestPeer json = joined(Serializers.JSON);
        TestPeer cbor = joined(Serializers.CBOR);
        for (TestPeer peer : List.of(msgpack, json, cbor)) {
            peer.subscribe("com.example.numbers");
        }
        LocalSession publisher = new LocalSession(router, "realm1", LOCAL, executor);

        publisher.publish("com.example.numbers", Map.of(), Payload.ofArgs(HUGE)).get(5, TimeUnit.SECONDS);
        publisher.publish("com.example.numbers", Map.of(), Payload.ofArgs(1L)).get(5, TimeUnit.SECONDS);

        assertThat(json.next(Event.class).payload().args()).containsExactly(HUGE);
        assertThat(cbor.next(Event.class).payload().args()).containsExactly(HUGE);
        for (TestPeer peer : List.of(json, cbor, msgpack)) {
            assertThat(peer.next(Event.class).payload().args()).containsExactly(1L);
            peer.expectNothingMore();
        }
        publisher.close();
    }
}
