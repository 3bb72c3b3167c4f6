package io.wampspring.router;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.FuzzRun;
import io.wampspring.router.serialization.HostileFrames;
import io.wampspring.router.serialization.HostileWire;
import io.wampspring.router.serialization.ProtocolViolationException;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.CloseReason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fuzzes the session state machine through the transport SPI: each try connects a hostile peer and feeds it a few
 * frames, mostly structure-aware messages in any order (so CALL before WELCOME, AUTHENTICATE without CHALLENGE, a
 * second HELLO, YIELD for invocations it never got...), some hostile frames of every other kind, then drops the
 * connection. Properties, after every try:
 * <ul>
 * <li>nothing escapes: a frame that does not decode ABORTs the session with {@code wamp.error.protocol_violation} and
 * closes it; a message that decodes is handled by {@link RouterSession#handle} without an exception (called directly,
 * so the connection's last-resort catch cannot hide a defect);</li>
 * <li>nothing leaks: the realms hold no session, registration or subscription of the hostile peer;</li>
 * <li>the router still serves: three well-formed sessions (one per serializer) call and publish to each other, and
 * every frame the router ever sent them decodes.</li>
 * </ul>
 * Tries: see {@link FuzzRun}.
 */
class SessionFuzzTest {

    private static final int TRIES = 1_000;

    @ParameterizedTest
    @ValueSource(strings = {"json", "msgpack", "cbor"})
    void hostilePeersNeitherBreakNorLeakNorStopTheRouter(String format) {
        WampSerializer serializer = Serializers.byName(format);
        WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1"),
                new RealmConfig("secure", List.of(new TicketAuthenticator()), Authorizer.PERMIT_ALL)));
        try {
            Bystanders bystanders = new Bystanders(router);
            long tried = FuzzRun.run("session " + format, TRIES, (random, input) -> {
                HostileFrames frames = new HostileFrames(random);
                TestPeer hostile = new TestPeer(router, serializer);
                int count = frames.between(1, 8);
                for (int i = 0; i < count; i++) {
                    // mostly a HELLO first, so that the messages after it meet an established session
                    byte[] frame = i == 0 && frames.chance(70) ? HostileWire.encode(format, frames.hello())
                            : frames.chance(80) ? HostileWire.encode(format, frames.message()) : frames.frame(format);
                    input.append(FuzzRun.hex(frame)).append(' ');
                    feed(hostile, frame);
                }
                hostile.disconnect();
                assertNothingLeftOf(router, hostile, bystanders);
                bystanders.stillServed();
            });
            assertThat(tried).isPositive();
            // what the hostile peers got to: established sessions (besides the 3 bystanders), protocol violations
            System.out.printf("fuzz session %s: %d sessions welcomed, %d protocol violations%n", format,
                    router.stats().sessionsOpened() - 3, router.stats().protocolViolations());
        }
        finally {
            router.shutdown(Duration.ZERO);
        }
    }

    /** What {@link WampConnection#onFrame} does, with the decoding and the handling checked apart. */
    private static void feed(TestPeer peer, byte[] frame) {
        WampMessage message;
        try {
            message = peer.serializer.isBinary() ? peer.serializer.deserialize(frame)
                    : peer.serializer.deserialize(new String(frame, StandardCharsets.UTF_8));
        }
        catch (ProtocolViolationException refused) {
            RouterSession.State before = peer.connection.session().state();
            int sent = peer.transport.frames.size();
            if (peer.serializer.isBinary()) {
                peer.connection.onFrame(frame);
            }
            else {
                peer.connection.onFrame(new String(frame, StandardCharsets.UTF_8));
            }
            if (before != RouterSession.State.CLOSED && before != RouterSession.State.CLOSING) {
                assertThat(peer.received().subList(sent, peer.transport.frames.size()))
                        .as("the answer to a frame that does not decode")
                        .anyMatch(m -> m instanceof Abort abort
                                && abort.reason().equals(WampUris.PROTOCOL_VIOLATION));
                assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.PROTOCOL_ERROR);
            }
            return;
        }
        peer.connection.session().handle(message);
    }

    private static void assertNothingLeftOf(WampRouter router, TestPeer hostile, Bystanders bystanders) {
        assertThat(hostile.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
        // every frame sent to the hostile peer is one it can read
        assertThat(hostile.received()).doesNotContainNull();
        long hostileId = hostile.connection.session().sessionId();
        Set<Long> expected = bystanders.ids();
        for (Realm realm : router.realms()) {
            await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .untilAsserted(() -> {
                assertThat(realm.sessions()).extracting(RouterSession::sessionId)
                        .allMatch(id -> realm.name().equals("realm1") && expected.contains(id));
                assertThat(realm.dealer().registrations()).flatExtracting(Registration::callees)
                        .extracting(Callee::sessionId).doesNotContain(hostileId);
                assertThat(realm.broker().subscriptions()).flatExtracting(Subscription::subscribers)
                        .extracting(subscriber -> subscriber.peer().sessionId()).doesNotContain(hostileId);
            });
        }
    }

    /** Well-formed sessions on every serializer that must be served whatever the hostile peers do. */
    private static final class Bystanders {

        private final TestPeer json;
        private final TestPeer msgpack;
        private final TestPeer cbor;
        private final long echo;
        private long request = 100;

        Bystanders(WampRouter router) {
            json = TestPeer.joinedWith(router, Serializers.JSON, "realm1", TestPeer.ROLES);
            msgpack = TestPeer.joinedWith(router, Serializers.MSGPACK, "realm1", TestPeer.ROLES);
            cbor = TestPeer.joinedWith(router, Serializers.CBOR, "realm1", TestPeer.ROLES);
            echo = msgpack.register("health.echo");
            // the hostile peers' calls and publications under fuzz. reach these
            cbor.register("fuzz.", Map.of("match", "prefix"));
            json.subscribe("fuzz", Map.of("match", "prefix"));
            cbor.subscribe("health.topic");
        }

        Set<Long> ids() {
            return Set.of(json.sessionId, msgpack.sessionId, cbor.sessionId);
        }

        /** A call from JSON to MessagePack and a publication from MessagePack to CBOR still go through. */
        void stillServed() {
            for (TestPeer peer : List.of(json, msgpack, cbor)) {
                assertThat(peer.received()).as("what the router sent a bystander decodes").doesNotContainNull();
                peer.transport.frames.clear();
            }
            long call = ++request;
            json.send(new Call(call, Map.of(), "health.echo", Payload.of(List.of("ping"), null)));
            Invocation invocation = awaitFrame(msgpack, Invocation.class, i -> i.registration() == echo);
            msgpack.send(new Yield(invocation.request(), Map.of(), invocation.payload()));
            assertThat(awaitFrame(json, Result.class, r -> r.request() == call).payload().args())
                    .containsExactly("ping");

            msgpack.send(new Publish(++request, Map.of(), "health.topic", Payload.of(List.of(request), null)));
            long published = request;
            awaitFrame(cbor, Event.class, e -> published == (Long) e.payload().args().get(0));
        }

        private static <T extends WampMessage> T awaitFrame(TestPeer peer, Class<T> type, Predicate<T> matching) {
            return type.cast(await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> peer.received().stream()
                            .filter(type::isInstance).map(type::cast).filter(matching).findFirst().orElse(null),
                            found -> found != null));
        }
    }

    /** ticket for the realm {@code secure}: one CHALLENGE, the ticket {@code secret} is accepted. */
    private static final class TicketAuthenticator implements Authenticator {

        @Override
        public String authMethod() {
            return "ticket";
        }

        @Override
        public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
            String authid = request.authid() != null ? request.authid() : "nobody";
            return CompletableFuture.completedFuture(new AuthDecision.Challenge(Map.of(),
                    authenticate -> CompletableFuture.completedFuture("secret".equals(authenticate.signature())
                            ? AuthDecision.accept(new AuthIdentity(authid, "user", "ticket", "fuzz"))
                            : AuthDecision.reject(WampUris.AUTHENTICATION_FAILED, "wrong ticket"))));
        }
    }
}
