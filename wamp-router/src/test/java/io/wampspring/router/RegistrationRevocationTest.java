package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.Welcome;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Registration revocation by the router, and the dealer features WELCOME announces. */
class RegistrationRevocationTest extends RpcRouterTest {

    private static final String PROC = "com.example.revocable";

    @ParameterizedTest
    @MethodSource("serializers")
    void aRevokedCalleeIsToldWhichRegistrationAndWhy(WampSerializer serializer) {
        TestPeer callee = RpcTesting.advanced(router, serializer);
        long registration = callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, serializer);

        assertThat(RpcTesting.dealer(router).revoke(registration, "maintenance")).isTrue();

        Unregistered revoked = callee.next(Unregistered.class);
        assertThat(revoked.request()).isZero();
        assertThat(revoked.details()).isEqualTo(Map.of("registration", registration, "reason", "maintenance"));
        assertThat(RpcTesting.dealer(router).registration(registration)).isNull();
        assertThat(RpcTesting.dealer(router).match(PROC)).isNull();
        caller.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        caller.nextError(MessageType.CALL, 1L, WampUris.NO_SUCH_PROCEDURE);
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @Test
    void aCalleeWithoutTheFeatureLosesTheRegistrationSilently() {
        TestPeer callee = RpcTesting.basic(router);
        long registration = callee.register(PROC);

        assertThat(RpcTesting.dealer(router).revoke(registration, "maintenance")).isTrue();

        callee.roundTrip();
        callee.expectNothingMore();
        assertThat(RpcTesting.dealer(router).registration(registration)).isNull();
        // it holds nothing any more: unregistering is refused, registering again works
        callee.send(new Unregister(5L, registration));
        callee.nextError(MessageType.UNREGISTER, 5L, WampUris.NO_SUCH_REGISTRATION);
        assertThat(callee.register(PROC)).isNotEqualTo(registration);
    }

    @Test
    void everyCalleeOfASharedRegistrationIsRevoked() {
        TestPeer first = RpcTesting.advanced(router);
        TestPeer second = RpcTesting.advanced(router);
        TestPeer unaware = RpcTesting.basic(router);
        long registration = first.register(PROC, options("invoke", "roundrobin"));
        second.register(PROC, options("invoke", "roundrobin"));
        unaware.register(PROC, options("invoke", "roundrobin"));
        List<String> events = new CopyOnWriteArrayList<>();
        RpcTesting.dealer(router).addListener(new RegistrationListener() {
            @Override
            public void unregistered(long sessionId, Registration revoked) {
                events.add("unregistered " + sessionId);
            }

            @Override
            public void deleted(long sessionId, Registration revoked) {
                events.add("deleted " + revoked.id());
            }
        });

        RpcTesting.dealer(router).revoke(registration, "wamp.close.killed");

        for (TestPeer callee : List.of(first, second)) {
            assertThat(callee.next(Unregistered.class).details()).containsEntry("registration", registration)
                    .containsEntry("reason", "wamp.close.killed");
        }
        unaware.roundTrip();
        unaware.expectNothingMore();
        assertThat(RpcTesting.dealer(router).registration(registration)).isNull();
        assertThat(events).containsExactly("unregistered " + first.sessionId, "unregistered " + second.sessionId,
                "unregistered " + unaware.sessionId, "deleted " + registration);
    }

    @Test
    void revokingAnUnknownRegistrationChangesNothing() {
        TestPeer callee = RpcTesting.advanced(router);
        long registration = callee.register(PROC);

        assertThat(RpcTesting.dealer(router).revoke(registration + 1, "nothing")).isFalse();
        assertThat(RpcTesting.dealer(router).revoke(registration, "once")).isTrue();
        assertThat(RpcTesting.dealer(router).revoke(registration, "twice")).isFalse();

        assertThat(callee.next(Unregistered.class).details()).containsEntry("reason", "once");
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @Test
    void aCallInFlightWhenRevokedIsStillAnswered() {
        TestPeer callee = RpcTesting.advanced(router);
        long registration = callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        RpcTesting.dealer(router).revoke(registration, "moving");
        callee.next(Unregistered.class);
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("finished")));

        assertThat(caller.next(Result.class).payload().args()).containsExactly("finished");
    }

    @Test
    void revokingAPatternRegistrationLeavesTheOthers() {
        TestPeer callee = RpcTesting.advanced(router);
        long prefix = callee.register("com.example", options("match", "prefix"));
        long exact = callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        RpcTesting.dealer(router).revoke(prefix, "narrowed");
        assertThat(callee.next(Unregistered.class).details()).containsEntry("registration", prefix);

        caller.send(new Call(1L, Map.of(), "com.example.other", Payload.EMPTY));
        caller.nextError(MessageType.CALL, 1L, WampUris.NO_SUCH_PROCEDURE);
        caller.send(new Call(2L, Map.of(), PROC, Payload.EMPTY));
        assertThat(callee.next(Invocation.class).registration()).isEqualTo(exact);
    }

    @Test
    void welcomeAnnouncesTheAdvancedDealerFeatures() {
        TestPeer peer = new TestPeer(router);
        Welcome welcome = peer.join(RpcTesting.REALM, TestPeer.ADVANCED_ROLES);

        Map<?, ?> roles = (Map<?, ?>) welcome.details().get("roles");
        @SuppressWarnings("unchecked")
        Map<String, Object> features = (Map<String, Object>) ((Map<?, ?>) roles.get("dealer")).get("features");
        assertThat(features).containsEntry("caller_identification", true).containsEntry("call_canceling", true)
                .containsEntry("call_timeout", true).containsEntry("progressive_call_results", true)
                .containsEntry("progressive_call_invocations", true)
                .containsEntry("pattern_based_registration", true).containsEntry("shared_registration", true)
                .containsEntry("registration_revocation", true);
    }
}
