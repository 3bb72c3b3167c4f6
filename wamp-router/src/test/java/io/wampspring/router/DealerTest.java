package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import io.wampspring.router.transport.SlowConsumerPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DealerTest {

    private WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    static Stream<WampSerializer> serializers() {
        return Serializers.all().stream();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void callIsInvokedOnTheCalleeAndItsYieldReturnsAsResult(WampSerializer serializer) {
        TestPeer callee = new TestPeer(router, serializer);
        callee.join("realm1");
        long registration = callee.register("com.example.add");
        TestPeer caller = new TestPeer(router, serializer);
        caller.join("realm1");

        caller.send(new Call(41L, Map.of(), "com.example.add", Payload.of(List.of(2L, 3L), Map.of("scale", 10L))));

        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.registration()).isEqualTo(registration);
        assertThat(invocation.payload().args()).containsExactly(2L, 3L);
        assertThat(invocation.payload().kwargs()).isEqualTo(Map.of("scale", 10L));
        assertThat(invocation.request()).isPositive();

        callee.send(new Yield(invocation.request(), Map.of(), Payload.of(List.of(50L), Map.of("unit", "m"))));

        Result result = caller.next(Result.class);
        assertThat(result.request()).as("the caller's own request id").isEqualTo(41L);
        assertThat(result.payload().args()).containsExactly(50L);
        assertThat(result.payload().kwargs()).isEqualTo(Map.of("unit", "m"));
        caller.expectNothingMore();
        callee.expectNothingMore();
    }

    @Test
    void payloadShapesPassThroughUnchanged() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.echo");
        TestPeer caller = TestPeer.joined(router, "realm1");
        List<Payload> shapes = List.of(Payload.EMPTY, Payload.of(List.of(), null), Payload.of(List.of("a"), null),
                Payload.of(List.of(), Map.of("k", "v")), Payload.of(List.of(1L), Map.of("k", "v")));
        long request = 100;
        for (Payload shape : shapes) {
            caller.send(new Call(++request, Map.of(), "com.example.echo", shape));
            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.payload().args()).isEqualTo(shape.args());
            assertThat(invocation.payload().kwargs()).isEqualTo(shape.kwargs());
            callee.send(new Yield(invocation.request(), Map.of(), shape));
            Result result = caller.next(Result.class);
            assertThat(result.request()).isEqualTo(request);
            assertThat(result.payload().args()).isEqualTo(shape.args());
            assertThat(result.payload().kwargs()).isEqualTo(shape.kwargs());
        }
    }

    @Test
    void binaryArgumentsCrossSerializers() {
        TestPeer callee = new TestPeer(router, Serializers.JSON);
        callee.join("realm1");
        callee.register("com.example.bytes");
        TestPeer caller = new TestPeer(router, Serializers.CBOR);
        caller.join("realm1");
        byte[] bytes = {0, 1, 2, (byte) 0xFF};

        caller.send(new Call(1L, Map.of(), "com.example.bytes", Payload.ofArgs(bytes)));
        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.payload().args().get(0)).isEqualTo(bytes);
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs(invocation.payload().args().get(0))));

        assertThat(caller.next(Result.class).payload().args().get(0)).isEqualTo(bytes);
    }

    @Test
    void concurrentCallsFromTwoCallersWithTheSameRequestIdsAreKeptApart() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.proc");
        TestPeer first = TestPeer.joined(router, "realm1");
        TestPeer second = TestPeer.joined(router, "realm1");

        first.send(new Call(1L, Map.of(), "com.example.proc", Payload.ofArgs("first")));
        second.send(new Call(1L, Map.of(), "com.example.proc", Payload.ofArgs("second")));
        Invocation toFirst = callee.next(Invocation.class);
        Invocation toSecond = callee.next(Invocation.class);
        assertThat(toFirst.request()).isNotEqualTo(toSecond.request());

        // answered in the other order
        callee.send(new Yield(toSecond.request(), Map.of(), Payload.ofArgs(toSecond.payload().args().get(0))));
        callee.send(new Yield(toFirst.request(), Map.of(), Payload.ofArgs(toFirst.payload().args().get(0))));

        Result firstResult = first.next(Result.class);
        Result secondResult = second.next(Result.class);
        assertThat(firstResult.request()).isEqualTo(1L);
        assertThat(firstResult.payload().args()).containsExactly("first");
        assertThat(secondResult.request()).isEqualTo(1L);
        assertThat(secondResult.payload().args()).containsExactly("second");
    }

    @Test
    void aCalleeErrorReachesTheCallerUnchanged() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.fail");
        TestPeer caller = TestPeer.joined(router, "realm1");

        caller.send(new Call(5L, Map.of(), "com.example.fail", Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of("hint", "retry"),
                "com.example.error.too_big", Payload.of(List.of("too big", 99L), Map.of("limit", 10L))));

        ErrorMessage error = caller.nextError(MessageType.CALL, 5L, "com.example.error.too_big");
        assertThat(error.payload().args()).containsExactly("too big", 99L);
        assertThat(error.payload().kwargs()).isEqualTo(Map.of("limit", 10L));
        assertThat(error.details()).isEqualTo(Map.of("hint", "retry"));
        caller.expectNothingMore();
    }

    @Test
    void aCalleeErrorWithoutPayloadStaysWithoutPayload() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.fail");
        TestPeer caller = TestPeer.joined(router, "realm1");

        caller.send(new Call(5L, Map.of(), "com.example.fail", Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(),
                "com.example.error.plain", Payload.EMPTY));

        ErrorMessage error = caller.nextError(MessageType.CALL, 5L, "com.example.error.plain");
        assertThat(error.payload().args()).isNull();
        assertThat(error.payload().kwargs()).isNull();
    }

    @Test
    void answersToUnknownInvocationsAreIgnored() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.proc");
        TestPeer caller = TestPeer.joined(router, "realm1");
        caller.send(new Call(1L, Map.of(), "com.example.proc", Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        callee.send(new Yield(invocation.request() + 1000, Map.of(), Payload.ofArgs("stray")));
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request() + 1001, Map.of(), "x.y",
                Payload.EMPTY));
        caller.expectNothingMore();

        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("real")));
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("twice")));
        assertThat(caller.next(Result.class).payload().args()).containsExactly("real");
        caller.expectNothingMore();
        assertThat(callee.transport.isClosed()).isFalse();
    }

    @Test
    void aCalleeCannotAnswerAnotherCalleesInvocation() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.proc");
        TestPeer impostor = TestPeer.joined(router, "realm1");
        TestPeer caller = TestPeer.joined(router, "realm1");
        caller.send(new Call(1L, Map.of(), "com.example.proc", Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        impostor.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("forged")));
        caller.expectNothingMore();

        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("genuine")));
        assertThat(caller.next(Result.class).payload().args()).containsExactly("genuine");
    }

    @Test
    void callingAnUnregisteredProcedureGivesNoSuchProcedure() {
        TestPeer caller = TestPeer.joined(router, "realm1");

        caller.send(new Call(3L, Map.of(), "com.example.nothing", Payload.EMPTY));

        ErrorMessage error = caller.nextError(MessageType.CALL, 3L, WampUris.NO_SUCH_PROCEDURE);
        assertThat(error.payload().args()).hasSize(1);
    }

    @Test
    void registeringTwiceGivesProcedureAlreadyExists() {
        TestPeer first = TestPeer.joined(router, "realm1");
        long registration = first.register("com.example.proc");
        TestPeer second = TestPeer.joined(router, "realm1");

        second.send(new Register(8L, Map.of(), "com.example.proc"));
        second.nextError(MessageType.REGISTER, 8L, WampUris.PROCEDURE_ALREADY_EXISTS);
        first.send(new Register(9L, Map.of(), "com.example.proc"));
        first.nextError(MessageType.REGISTER, 9L, WampUris.PROCEDURE_ALREADY_EXISTS);

        assertThat(router.realm("realm1").dealer().registrations()).singleElement()
                .satisfies(r -> assertThat(r.id()).isEqualTo(registration));
    }

    @Test
    void unregisterRemovesTheProcedure() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        long registration = callee.register("com.example.proc");
        TestPeer caller = TestPeer.joined(router, "realm1");

        callee.send(new Unregister(4L, registration));

        Unregistered unregistered = callee.next(Unregistered.class);
        assertThat(unregistered.request()).isEqualTo(4L);
        assertThat(unregistered.details()).isEmpty();
        assertThat(router.realm("realm1").dealer().registration(registration)).isNull();
        caller.send(new Call(1L, Map.of(), "com.example.proc", Payload.EMPTY));
        caller.nextError(MessageType.CALL, 1L, WampUris.NO_SUCH_PROCEDURE);

        // and the URI is free again, for anyone
        caller.send(new Register(2L, Map.of(), "com.example.proc"));
        assertThat(caller.next(Registered.class).registration()).isNotEqualTo(registration);
    }

    /**
     * Regression: UNREGISTERED went out before the callee left the URI table, so a CALL made the moment it arrived
     * found the deactivated callee, and failed with no_such_procedure instead of reaching the matching prefix.
     */
    @Test
    void aCallMadeAsUnregisteredArrivesReachesTheNextBestMatch() {
        TestPeer prefix = TestPeer.joined(router, "realm1");
        prefix.send(new Register(1L, Map.of("match", "prefix"), "com.example."));
        prefix.next(Registered.class);
        TestPeer exact = TestPeer.joined(router, "realm1");
        long registration = exact.register("com.example.proc");
        TestPeer caller = TestPeer.joined(router, "realm1");
        // the caller calls the moment UNREGISTERED is written to the callee, on the thread that wrote it
        exact.transport.onWrite(frame -> {
            if (exact.serializer.deserialize(new String(frame, java.nio.charset.StandardCharsets.UTF_8))
                    instanceof Unregistered) {
                caller.send(new Call(7L, Map.of(), "com.example.proc", Payload.EMPTY));
            }
        });

        exact.send(new Unregister(2L, registration));

        exact.next(Unregistered.class);
        Invocation invocation = prefix.next(Invocation.class);
        assertThat(invocation.details()).containsEntry("procedure", "com.example.proc");
        prefix.send(new Yield(invocation.request(), Map.of(), Payload.of(List.of("prefix"), null)));
        assertThat(caller.next(Result.class).payload().args()).containsExactly("prefix");
    }

    @Test
    void unregisteringAnUnknownOrForeignRegistrationGivesNoSuchRegistration() {
        TestPeer owner = TestPeer.joined(router, "realm1");
        long registration = owner.register("com.example.proc");
        TestPeer other = TestPeer.joined(router, "realm1");

        other.send(new Unregister(1L, registration));
        other.nextError(MessageType.UNREGISTER, 1L, WampUris.NO_SUCH_REGISTRATION);
        other.send(new Unregister(2L, 123456789L));
        other.nextError(MessageType.UNREGISTER, 2L, WampUris.NO_SUCH_REGISTRATION);
        owner.send(new Unregister(3L, registration));
        owner.next(Unregistered.class);
        owner.send(new Unregister(4L, registration));
        owner.nextError(MessageType.UNREGISTER, 4L, WampUris.NO_SUCH_REGISTRATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example..proc", "com.ex ample", "com#example", ".com.example", "com.example.", ""})
    void invalidProcedureUrisAreRefused(String uri) {
        TestPeer peer = TestPeer.joined(router, "realm1");

        peer.send(new Register(1L, Map.of(), uri));
        peer.nextError(MessageType.REGISTER, 1L, WampUris.INVALID_URI);
        peer.send(new Call(2L, Map.of(), uri, Payload.EMPTY));
        peer.nextError(MessageType.CALL, 2L, WampUris.INVALID_URI);

        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
    }

    @Test
    void strictUriCheckRefusesWhatLooseAccepts() {
        router.shutdown(Duration.ZERO);
        router = new WampRouter(new RouterConfig(UriCheck.STRICT, RouterConfig.DEFAULT_SEND_BUFFER_BYTES,
                SlowConsumerPolicy.DISCONNECT, Duration.ofSeconds(5)), List.of(RealmConfig.anonymous("realm1")));
        WampRouter loose = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));
        try {
            TestPeer strictPeer = TestPeer.joined(router, "realm1");
            TestPeer loosePeer = TestPeer.joined(loose, "realm1");
            for (String uri : List.of("com.Example.Proc", "com.example-app.proc", "com.example.caf\u00E9")) {
                strictPeer.send(new Register(1L, Map.of(), uri));
                strictPeer.nextError(MessageType.REGISTER, 1L, WampUris.INVALID_URI);
                strictPeer.send(new Call(2L, Map.of(), uri, Payload.EMPTY));
                strictPeer.nextError(MessageType.CALL, 2L, WampUris.INVALID_URI);

                loosePeer.send(new Register(1L, Map.of(), uri));
                loosePeer.next(Registered.class);
            }
            strictPeer.register("com.example.proc_2");
        }
        finally {
            loose.shutdown(Duration.ZERO);
        }
    }

    @Test
    void theReservedWampPrefixCannotBeRegistered() {
        TestPeer peer = TestPeer.joined(router, "realm1");

        peer.send(new Register(1L, Map.of(), "wamp.session.count"));
        peer.nextError(MessageType.REGISTER, 1L, WampUris.INVALID_URI);
        peer.send(new Register(2L, Map.of(), "wamp.my.proc"));
        peer.nextError(MessageType.REGISTER, 2L, WampUris.INVALID_URI);

        // only the dotted prefix is reserved
        peer.register("wampish.proc");
        assertThat(router.realm("realm1").dealer().registrations()).extracting(Registration::uri)
                .containsExactly("wampish.proc");
    }

    @Test
    void unknownRegistrationPoliciesAreRefused() {
        TestPeer peer = TestPeer.joined(router, "realm1");

        peer.send(new Register(1L, Map.of("match", "regex"), "com.example"));
        peer.nextError(MessageType.REGISTER, 1L, WampUris.INVALID_ARGUMENT);
        peer.send(new Register(2L, Map.of("invoke", "fastest"), "com.example.proc"));
        peer.nextError(MessageType.REGISTER, 2L, WampUris.INVALID_ARGUMENT);
        peer.send(new Register(3L, Map.of("match", "exact", "invoke", "single"), "com.example.proc"));
        assertThat(peer.next(Registered.class).request()).isEqualTo(3L);
    }

    @Test
    void aCalleeThatDisconnectsMidCallCancelsTheCallAndItsRegistrations() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.slow");
        callee.register("com.example.other");
        TestPeer caller = TestPeer.joined(router, "realm1");
        caller.send(new Call(10L, Map.of(), "com.example.slow", Payload.EMPTY));
        caller.send(new Call(11L, Map.of(), "com.example.other", Payload.EMPTY));
        callee.next(Invocation.class);
        callee.next(Invocation.class);

        callee.disconnect();

        ErrorMessage first = caller.next(ErrorMessage.class);
        ErrorMessage second = caller.next(ErrorMessage.class);
        assertThat(List.of(first, second)).allSatisfy(error -> {
            assertThat(error.requestType()).isEqualTo(MessageType.CALL);
            assertThat(error.error()).isEqualTo(WampUris.CANCELED);
        });
        assertThat(List.of(first.request(), second.request())).containsExactlyInAnyOrder(10L, 11L);
        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();

        caller.send(new Call(12L, Map.of(), "com.example.slow", Payload.EMPTY));
        caller.nextError(MessageType.CALL, 12L, WampUris.NO_SUCH_PROCEDURE);
        caller.expectNothingMore();
    }

    @Test
    void aCalleeThatSaysGoodbyeMidCallCancelsTheCall() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.slow");
        TestPeer caller = TestPeer.joined(router, "realm1");
        caller.send(new Call(10L, Map.of(), "com.example.slow", Payload.EMPTY));
        callee.next(Invocation.class);

        callee.send(new io.wampspring.router.message.Goodbye(Map.of(), WampUris.CLOSE_NORMAL));

        caller.nextError(MessageType.CALL, 10L, WampUris.CANCELED);
        TestPeer newcomer = TestPeer.joined(router, "realm1");
        newcomer.register("com.example.slow");
    }

    @Test
    void aCallerThatLeavesMidCallDoesNotDisturbTheCallee() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.slow");
        TestPeer caller = TestPeer.joined(router, "realm1");
        caller.send(new Call(10L, Map.of(), "com.example.slow", Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        int callerFrames = caller.receivedCount();

        caller.disconnect();
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("late")));

        assertThat(caller.receivedCount()).isEqualTo(callerFrames);
        assertThat(callee.transport.isClosed()).isFalse();
        TestPeer another = TestPeer.joined(router, "realm1");
        another.send(new Call(1L, Map.of(), "com.example.slow", Payload.EMPTY));
        Invocation next = callee.next(Invocation.class);
        callee.send(new Yield(next.request(), Map.of(), Payload.ofArgs("ok")));
        assertThat(another.next(Result.class).payload().args()).containsExactly("ok");
    }

    @Test
    void aSessionCanCallItsOwnProcedure() {
        TestPeer peer = TestPeer.joined(router, "realm1");
        peer.register("com.example.self");

        peer.send(new Call(1L, Map.of(), "com.example.self", Payload.ofArgs("me")));
        Invocation invocation = peer.next(Invocation.class);
        peer.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("you")));

        Result result = peer.next(Result.class);
        assertThat(result.request()).isEqualTo(1L);
        assertThat(result.payload().args()).containsExactly("you");
    }

    @Test
    void invocationRequestIdsAreSessionScopedAndIncreasing() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.proc");
        TestPeer caller = TestPeer.joined(router, "realm1");
        long previous = 0;
        for (long request = 1; request <= 5; request++) {
            caller.send(new Call(request * 1000, Map.of(), "com.example.proc", Payload.EMPTY));
            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.request()).isGreaterThan(previous);
            previous = invocation.request();
            callee.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
            assertThat(caller.next(Result.class).request()).isEqualTo(request * 1000);
        }
    }

    @Test
    void aCallRequestIdStillInFlightIsAProtocolViolation() {
        TestPeer callee = TestPeer.joined(router, "realm1");
        callee.register("com.example.slow");
        TestPeer caller = TestPeer.joined(router, "realm1");
        caller.send(new Call(7L, Map.of(), "com.example.slow", Payload.EMPTY));
        callee.next(Invocation.class);

        caller.send(new Call(7L, Map.of(), "com.example.slow", Payload.EMPTY));

        io.wampspring.router.message.Abort abort = caller.next(io.wampspring.router.message.Abort.class);
        assertThat(abort.reason()).isEqualTo("wamp.error.protocol_violation");
        assertThat((String) abort.details().get("message")).contains("already in flight");
        callee.expectNothingMore();
    }

    @Test
    void aCallMadeAsSoonAsRegisteredArrivesReachesTheCallee() throws Exception {
        TestPeer caller = TestPeer.joined(router, "realm1");
        for (int i = 0; i < 200; i++) {
            TestPeer callee = TestPeer.joined(router, "realm1");
            String procedure = "com.example.fresh" + i;
            long request = i + 1L;
            int before = callee.receivedCount();
            // another thread calls the moment REGISTERED reaches the callee's transport
            java.util.concurrent.CompletableFuture<Void> called = java.util.concurrent.CompletableFuture.runAsync(() -> {
                TestPeer.awaitFast(() -> callee.receivedCount() > before);
                caller.send(new Call(request, Map.of(), procedure, Payload.EMPTY));
            });
            callee.send(new Register(1L, Map.of(), procedure));
            called.get(10, java.util.concurrent.TimeUnit.SECONDS);
            callee.next(Registered.class);
            Invocation invocation = callee.next(Invocation.class);
            callee.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
            assertThat(caller.next(Result.class).request()).isEqualTo(request);
            callee.disconnect();
        }
    }

    @Test
    void noInvocationFollowsUnregisteredEvenWhileCallsRace() throws Exception {
        TestPeer caller = TestPeer.joined(router, "realm1");
        java.util.concurrent.atomic.AtomicBoolean calling = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
        Thread hammer = new Thread(() -> {
            while (calling.get()) {
                caller.send(new Call(requests.incrementAndGet(), Map.of(), "com.example.going", Payload.EMPTY));
            }
        });
        TestPeer callee = TestPeer.joined(router, "realm1");
        long registration = callee.register("com.example.going");
        hammer.start();
        try {
            TestPeer.awaitFast(() -> callee.received().stream().anyMatch(Invocation.class::isInstance));
            callee.send(new Unregister(2L, registration));
            TestPeer.awaitFast(() -> callee.received().stream().anyMatch(Unregistered.class::isInstance));
            // the caller routes one CALL at a time: once later calls were refused, anything routed from an older
            // snapshot has reached the callee's transport too
            long errors = errorCount(caller);
            TestPeer.awaitFast(() -> errorCount(caller) >= errors + 3);
            List<io.wampspring.router.message.WampMessage> received = callee.received();
            int unregistered = received.indexOf(received.stream().filter(Unregistered.class::isInstance)
                    .findFirst().orElseThrow());
            assertThat(received.subList(unregistered + 1, received.size())).as("after UNREGISTERED").isEmpty();
        }
        finally {
            calling.set(false);
            hammer.join();
        }
    }

    private static long errorCount(TestPeer peer) {
        return peer.received().stream().filter(ErrorMessage.class::isInstance).count();
    }
}
