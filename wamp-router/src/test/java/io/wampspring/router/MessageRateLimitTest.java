package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.transport.CloseReason;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message rate per session: a peer that sends more than its burst faster than its rate refills is ABORTed with
 * {@code wamp.error.limit_exceeded}. The rate here is 1 per second with a burst of 5 and the peer sends 40 messages
 * in a row: to pass, they would have to take over half a minute, so the test does not depend on timing. The bucket's
 * arithmetic is {@link TokenBucketTest}'s, against a clock of the test's.
 */
class MessageRateLimitTest {

    private static final int BURST = 5;

    private final List<String> exceeded = new CopyOnWriteArrayList<>();
    private WampRouter router;

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    private void router(LimitsConfig limits) {
        RouterObserver observer = new RouterObserver() {
            @Override
            public void limitExceeded(@Nullable String realm, Limit limit) {
                exceeded.add(realm + " " + limit.tagValue());
            }
        };
        router = new WampRouter(RouterConfig.defaults().withLimits(limits), List.of(RealmConfig.anonymous("realm1")),
                RouterExecutors.owned(), observer);
    }

    private static void flood(TestPeer peer, int messages) {
        for (int i = 0; i < messages; i++) {
            peer.send(new Unregister(peer.nextRequest(), 1L));
        }
    }

    @Test
    void aSessionBeyondItsRateIsAbortedOnceAndTheOthersCarryOn() {
        router(new LimitsConfig(0, 0, 0, 1, BURST));
        TestPeer bystander = TestPeer.joined(router, "realm1");
        TestPeer flooder = TestPeer.joined(router, "realm1");

        flood(flooder, 40);

        List<WampMessage> received = flooder.drain();
        // HELLO took one token: the burst answers four requests, then the session ends
        assertThat(received).hasSize(BURST);
        assertThat(received.subList(0, BURST - 1)).allSatisfy(message ->
                assertThat(((ErrorMessage) message).error()).isEqualTo(WampUris.NO_SUCH_REGISTRATION));
        Abort abort = (Abort) received.get(BURST - 1);
        assertThat(abort.reason()).isEqualTo(WampUris.LIMIT_EXCEEDED);
        assertThat(abort.details()).containsEntry("limit", "messages-per-second");
        assertThat(abort.details().get("message")).asString().contains("1 messages per second", "burst 5");
        assertThat(flooder.transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
        assertThat(exceeded).containsExactly("realm1 messages-per-second");
        assertThat(router.realm("realm1").sessions()).hasSize(1);

        bystander.roundTrip();
        TestPeer.joined(router, "realm1").roundTrip();
    }

    @Test
    void theBurstDefaultsToOneSecondsWorth() {
        router(new LimitsConfig(0, 0, 0, 3, 0));
        TestPeer flooder = new TestPeer(router);
        flooder.send(new Hello("realm1", Map.of("roles", TestPeer.ROLES)));
        flood(flooder, 40);

        List<WampMessage> received = flooder.drain();
        assertThat(received).hasSize(4);
        assertThat(((Abort) received.get(3)).reason()).isEqualTo(WampUris.LIMIT_EXCEEDED);
    }

    @Test
    void withoutALimitAFloodIsServed() {
        router(LimitsConfig.NONE);
        TestPeer peer = TestPeer.joined(router, "realm1");
        flood(peer, 500);
        assertThat(peer.drain()).hasSize(500);
        assertThat(exceeded).isEmpty();
    }
}
