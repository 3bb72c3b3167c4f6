package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.message.Challenge;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Goodbye;
import io.wampspring.router.message.Hello;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Published;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.CloseReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class RouterSessionTest {

    private final WampRouter router = new WampRouter(RouterConfig.defaults(),
            List.of(RealmConfig.anonymous("realm1"), RealmConfig.anonymous("realm2")));

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    static Stream<WampSerializer> serializers() {
        return Serializers.all().stream();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void helloIsWelcomedWithRolesAndIdentity(WampSerializer serializer) {
        TestPeer peer = new TestPeer(router, serializer);

        peer.send(new Hello("realm1", Map.of("roles", TestPeer.ROLES, "authid", "claimed-by-client")));
        Welcome welcome = peer.next(Welcome.class);

        assertThat(welcome.session()).isBetween(1L, 1L << 53);
        Map<String, Object> details = welcome.details();
        assertThat(details).containsEntry("realm", "realm1")
                .containsEntry("authrole", "anonymous")
                .containsEntry("authmethod", "anonymous")
                .containsEntry("authprovider", "static");
        // an anonymous client cannot choose who it is
        assertThat(details.get("authid")).isInstanceOf(String.class).isNotEqualTo("claimed-by-client");
        assertThat((String) details.get("authid")).contains(Long.toString(welcome.session()));
        assertThat(details.get("roles")).isInstanceOfSatisfying(Map.class, roles -> {
            assertThat(roles).containsOnlyKeys("broker", "dealer");
            assertThat(roles.get("broker")).isInstanceOfSatisfying(Map.class,
                    broker -> assertThat((Map<Object, Object>) broker.get("features")).containsAllEntriesOf(Map.of(
                            "publisher_exclusion", true, "publisher_identification", true,
                            "subscriber_blackwhite_listing", true, "pattern_based_subscription", true,
                            "event_retention", true, "subscription_revocation", true)));
            assertThat(roles.get("dealer")).isInstanceOfSatisfying(Map.class,
                    dealer -> assertThat(dealer.get("features")).isInstanceOf(Map.class));
        });
        assertThat(router.realm("realm1").session(welcome.session())).isSameAs(peer.connection.session());
        assertThat(peer.connection.session().state()).isEqualTo(RouterSession.State.ESTABLISHED);
        assertThat(router.realm("realm2").sessions()).isEmpty();
        assertThat(router.stats().sessionsOpened()).isEqualTo(1);
        peer.expectNothingMore();
        assertThat(peer.transport.isClosed()).isFalse();
    }

    @Test
    void sessionIdsAreDistinct() {
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");
        TestPeer third = TestPeer.joined(router, "realm2");
        assertThat(List.of(first.sessionId, second.sessionId, third.sessionId)).doesNotHaveDuplicates();
        assertThat(router.realm("realm1").sessions()).hasSize(2);
        assertThat(router.realm("realm2").sessions()).hasSize(1);
    }

    @Test
    void unknownRealmIsAbortedWithNoSuchRealm() {
        TestPeer peer = new TestPeer(router);

        peer.send(new Hello("nowhere", Map.of("roles", TestPeer.ROLES)));

        Abort abort = peer.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.NO_SUCH_REALM);
        assertThat(abort.details().get("message")).asString().contains("nowhere");
        assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
        assertThat(peer.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
        assertThat(router.realm("realm1").sessions()).isEmpty();
        peer.expectNothingMore();
    }

    @Test
    void unacceptableAuthMethodsAreAbortedWithNoMatchingAuthMethod() {
        TestPeer peer = new TestPeer(router);

        peer.send(new Hello("realm1", Map.of("roles", TestPeer.ROLES, "authmethods", List.of("ticket", "wampcra"))));

        Abort abort = peer.next(Abort.class);
        assertThat(abort.reason()).isEqualTo("wamp.error.no_matching_auth_method");
        assertThat(peer.transport.isClosed()).isTrue();
        assertThat(router.realm("realm1").sessions()).isEmpty();
    }

    static Stream<Arguments> protocolViolations() {
        return Stream.of(
                violation("REGISTER before HELLO", false,
                        peer -> peer.send(new Register(1L, Map.of(), "com.example.proc"))),
                violation("PUBLISH before HELLO", false,
                        peer -> peer.send(new Publish(1L, Map.of(), "com.example.topic", Payload.EMPTY))),
                violation("GOODBYE before HELLO", false,
                        peer -> peer.send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL))),
                violation("AUTHENTICATE before HELLO", false,
                        peer -> peer.send(new Authenticate("ticket", Map.of()))),
                violation("HELLO without roles", false,
                        peer -> peer.send(new Hello("realm1", Map.of()))),
                violation("HELLO with empty roles", false,
                        peer -> peer.send(new Hello("realm1", Map.of("roles", Map.of())))),
                violation("HELLO with authmethods not a list", false,
                        peer -> peer.send(new Hello("realm1", Map.of("roles", TestPeer.ROLES, "authmethods", "x")))),
                violation("HELLO with a numeric authid", false,
                        peer -> peer.send(new Hello("realm1", Map.of("roles", TestPeer.ROLES, "authid", 5L)))),
                violation("unknown type before HELLO", false, peer -> peer.sendText("[99, 1, {}]")),
                violation("malformed frame before HELLO", false, peer -> peer.sendText("[1, \"realm1\", {")),
                violation("second HELLO", true,
                        peer -> peer.send(new Hello("realm1", Map.of("roles", TestPeer.ROLES)))),
                violation("unknown type", true, peer -> peer.sendText("[7, 1, {}]")),
                violation("malformed frame", true, peer -> peer.sendText("[48, 1, {}, \"com.example.proc\"")),
                violation("not a list", true, peer -> peer.sendText("{\"type\": 48}")),
                violation("a bare string", true, peer -> peer.sendText("\"hello\"")),
                violation("string request id", true, peer -> peer.sendText("[48, \"1\", {}, \"com.example.proc\"]")),
                violation("non-dict options", true, peer -> peer.sendText("[48, 1, [], \"com.example.proc\"]")),
                violation("non-list args", true, peer -> peer.sendText("[48, 1, {}, \"com.example.proc\", {}]")),
                violation("too many elements", true,
                        peer -> peer.sendText("[64, 1, {}, \"com.example.proc\", [], {}]")),
                violation("ERROR for a CALL", true, peer -> peer.send(new ErrorMessage(MessageType.CALL, 1L, Map.of(),
                        "com.example.error", Payload.EMPTY))),
                violation("ERROR for a PUBLISH", true, peer -> peer.send(new ErrorMessage(MessageType.PUBLISH, 1L,
                        Map.of(), "com.example.error", Payload.EMPTY))),
                violation("EVENT from a client", true,
                        peer -> peer.send(new Event(1L, 2L, Map.of(), Payload.ofArgs("x")))),
                violation("RESULT from a client", true, peer -> peer.send(new Result(1L, Map.of(), Payload.EMPTY))),
                violation("INVOCATION from a client", true,
                        peer -> peer.send(new Invocation(1L, 2L, Map.of(), Payload.EMPTY))),
                violation("WELCOME from a client", true, peer -> peer.send(new Welcome(5L, Map.of()))),
                violation("CHALLENGE from a client", true, peer -> peer.send(new Challenge("ticket", Map.of()))),
                violation("PUBLISHED from a client", true, peer -> peer.send(new Published(1L, 2L))),
                violation("binary frame on a JSON connection", true, peer -> peer.connection.onWrongFrameType(true)));
    }

    private static Arguments violation(String name, boolean afterWelcome, Consumer<TestPeer> action) {
        return Arguments.of(name, afterWelcome, action);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolViolations")
    void protocolViolationAbortsOnlyTheOffendingSession(String name, boolean afterWelcome, Consumer<TestPeer> action) {
        TestPeer bystander = TestPeer.joined(router, "realm1");
        long bystanderRegistration = bystander.register("com.example.bystander");
        TestPeer violator = new TestPeer(router);
        if (afterWelcome) {
            violator.join("realm1");
            violator.register("com.example.violator");
        }
        long violationsBefore = router.stats().protocolViolations();

        action.accept(violator);

        Abort abort = violator.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
        assertThat(abort.details().get("message")).isInstanceOf(String.class);
        violator.expectNothingMore();
        assertThat(violator.transport.closedWith.get()).isEqualTo(CloseReason.PROTOCOL_ERROR);
        assertThat(violator.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
        assertThat(router.stats().protocolViolations()).isEqualTo(violationsBefore + 1);

        // the violator is gone from the realm with everything it had registered
        assertThat(router.realm("realm1").sessions()).extracting(RouterSession::sessionId)
                .containsExactly(bystander.sessionId);
        assertThat(router.realm("realm1").dealer().registrations()).extracting(Registration::uri)
                .containsExactly("com.example.bystander");

        // anything more it sends is ignored
        violator.send(new Publish(9L, Map.of("acknowledge", true), "com.example.topic", Payload.EMPTY));
        violator.expectNothingMore();

        // the other session on the router carries on, and a new one can join
        bystander.send(new Publish(7L, Map.of("acknowledge", true), "com.example.topic", Payload.EMPTY));
        assertThat(bystander.next(Published.class).request()).isEqualTo(7L);
        TestPeer caller = TestPeer.joined(router, "realm1");
        caller.send(new io.wampspring.router.message.Call(3L, Map.of(), "com.example.bystander", Payload.ofArgs(1L)));
        Invocation invocation = bystander.next(Invocation.class);
        assertThat(invocation.registration()).isEqualTo(bystanderRegistration);
        bystander.send(new io.wampspring.router.message.Yield(invocation.request(), Map.of(), Payload.ofArgs(2L)));
        assertThat(caller.next(Result.class).payload().args()).containsExactly(2L);
        assertThat(bystander.transport.isClosed()).isFalse();
    }

    @Test
    void goodbyeIsAnsweredWithGoodbyeAndOutThenClosed() {
        TestPeer peer = TestPeer.joined(router, "realm1");
        peer.register("com.example.proc");
        peer.subscribe("com.example.topic");

        peer.send(new Goodbye(Map.of(), WampUris.CLOSE_REALM));

        Goodbye goodbye = peer.next(Goodbye.class);
        assertThat(goodbye.reason()).isEqualTo(WampUris.CLOSE_GOODBYE_AND_OUT);
        peer.expectNothingMore();
        assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
        assertThat(peer.transport.closeCount.get()).isEqualTo(1);
        assertThat(peer.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
        assertThat(router.realm("realm1").sessions()).isEmpty();
        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
        assertThat(router.realm("realm1").broker().subscriptions()).isEmpty();
    }

    @Test
    void goodbyeIsSentOnlyAfterEarlierMessagesAndTheCloseWaitsForItsWrite() {
        TestPeer peer = TestPeer.joined(router, "realm1");
        peer.transport.stall();
        peer.send(new Publish(1L, Map.of("acknowledge", true), "com.example.topic", Payload.EMPTY));
        peer.send(new Goodbye(Map.of(), WampUris.CLOSE_NORMAL));

        assertThat(peer.transport.isClosed()).as("closed before its GOODBYE was written").isFalse();
        peer.transport.resume();

        assertThat(peer.next(Published.class).request()).isEqualTo(1L);
        assertThat(peer.next(Goodbye.class).reason()).isEqualTo(WampUris.CLOSE_GOODBYE_AND_OUT);
        assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
    }

    @Test
    void abortBeforeHelloClosesQuietly() {
        TestPeer peer = new TestPeer(router);

        peer.send(new Abort(Map.of(), WampUris.CLOSE_NORMAL));

        peer.expectNothingMore();
        assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.NORMAL);
        assertThat(router.stats().protocolViolations()).isZero();
    }

    @Test
    void abortFromAnEstablishedSessionEndsItWithoutReply() {
        TestPeer peer = TestPeer.joined(router, "realm1");
        peer.register("com.example.proc");

        peer.send(new Abort(Map.of(), WampUris.CLOSE_NORMAL));

        peer.expectNothingMore();
        assertThat(peer.transport.isClosed()).isTrue();
        assertThat(router.realm("realm1").sessions()).isEmpty();
        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
    }

    @Test
    void aLostConnectionLeavesTheRealmAtOnce() {
        TestPeer peer = TestPeer.joined(router, "realm1");
        peer.register("com.example.proc");
        peer.subscribe("com.example.topic");

        peer.disconnect();

        assertThat(peer.connection.session().state()).isEqualTo(RouterSession.State.CLOSED);
        assertThat(router.realm("realm1").sessions()).isEmpty();
        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
        assertThat(router.realm("realm1").broker().subscriptions()).isEmpty();
    }

    @Test
    void anOversizedMessageIsAbortedWithPayloadSizeExceeded() {
        TestPeer peer = TestPeer.joined(router, "realm1");

        peer.connection.onMessageTooBig(2_000_000, 1_000_000);

        Abort abort = peer.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.PAYLOAD_SIZE_EXCEEDED);
        assertThat(peer.transport.closedWith.get()).isEqualTo(CloseReason.MESSAGE_TOO_BIG);
        assertThat(router.realm("realm1").sessions()).isEmpty();
    }

    @Test
    void sessionsOfDifferentRealmsDoNotSeeEachOther() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.proc");
        TestPeer caller = TestPeer.joined(router, "realm2");

        caller.send(new io.wampspring.router.message.Call(1L, Map.of(), "com.example.proc", Payload.EMPTY));

        caller.nextError(MessageType.CALL, 1L, WampUris.NO_SUCH_PROCEDURE);
        callee.expectNothingMore();
    }

    @Test
    void anAuthorizerCanRefuseActions() {
        Authorizer readOnly = (identity, action, uri) -> action == io.wampspring.router.auth.Action.SUBSCRIBE
                || action == io.wampspring.router.auth.Action.CALL;
        WampRouter restricted = new WampRouter(RouterConfig.defaults(), List.of(new RealmConfig("realm1",
                List.of(new AnonymousAuthenticator("guest")), readOnly)));
        try {
            TestPeer peer = TestPeer.joined(restricted, "realm1");
            peer.send(new Register(1L, Map.of(), "com.example.proc"));
            peer.nextError(MessageType.REGISTER, 1L, WampUris.NOT_AUTHORIZED);
            peer.send(new Publish(2L, Map.of("acknowledge", true), "com.example.topic", Payload.EMPTY));
            peer.nextError(MessageType.PUBLISH, 2L, WampUris.NOT_AUTHORIZED);
            peer.subscribe("com.example.topic");
            assertThat(restricted.realm("realm1").dealer().registrations()).isEmpty();
        }
        finally {
            restricted.shutdown(Duration.ZERO);
        }
    }
}
