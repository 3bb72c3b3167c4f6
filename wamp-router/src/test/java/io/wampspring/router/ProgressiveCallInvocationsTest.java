package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Abort;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Progressive call invocations: a caller streams CALLs with one request id into one INVOCATION at one callee. */
class ProgressiveCallInvocationsTest extends RpcRouterTest {

    private static final String PROC = "com.example.upload";
    private static final Map<String, Object> PROGRESS = Map.of("progress", true);

    @ParameterizedTest
    @MethodSource("serializers")
    void everyChunkGoesToTheSameInvocationAndTheFinalOneEndsTheStream(WampSerializer serializer) {
        TestPeer callee = RpcTesting.advanced(router, serializer);
        long registration = callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, serializer);

        caller.send(new Call(30L, PROGRESS, PROC, Payload.ofArgs("chunk 1")));
        Invocation first = callee.next(Invocation.class);
        assertThat(first.registration()).isEqualTo(registration);
        assertThat(first.details()).isEqualTo(PROGRESS);
        caller.send(new Call(30L, PROGRESS, PROC, Payload.ofArgs("chunk 2")));
        caller.send(new Call(30L, options("progress", false), PROC, Payload.ofArgs("chunk 3")));
        Invocation second = callee.next(Invocation.class);
        Invocation last = callee.next(Invocation.class);
        assertThat(List.of(second.request(), last.request())).containsOnly(first.request());
        assertThat(second.details()).isEqualTo(PROGRESS);
        assertThat(second.payload().args()).containsExactly("chunk 2");
        assertThat(last.details()).doesNotContainKey("progress");
        assertThat(last.payload().args()).containsExactly("chunk 3");

        callee.send(new Yield(first.request(), Map.of(), Payload.ofArgs("stored 3 chunks")));
        Result result = caller.next(Result.class);
        assertThat(result.request()).isEqualTo(30L);
        assertThat(result.payload().args()).containsExactly("stored 3 chunks");
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void aCallerThatDidNotAnnounceTheFeatureIsAborted() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = TestPeer.joinedWith(router, RpcTesting.REALM, TestPeer.roles("caller.call_canceling",
                "caller.progressive_call_results"));

        caller.send(new Call(1L, PROGRESS, PROC, Payload.EMPTY));

        Abort abort = caller.next(Abort.class);
        assertThat(abort.reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
        assertThat(caller.transport.isClosed()).isTrue();
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @Test
    void aCalleeWithoutTheFeatureOrWithoutCallCancelingIsNotSupported() {
        TestPeer caller = RpcTesting.advanced(router);
        List<Map<String, Object>> lacking = List.of(TestPeer.ROLES,
                TestPeer.roles("callee.progressive_call_invocations"),
                TestPeer.roles("callee.call_canceling", "callee.progressive_call_results"));
        long request = 0;
        for (Map<String, Object> roles : lacking) {
            TestPeer callee = TestPeer.joinedWith(router, RpcTesting.REALM, roles);
            callee.register(PROC);

            caller.send(new Call(++request, PROGRESS, PROC, Payload.EMPTY));
            caller.nextError(MessageType.CALL, request, WampUris.FEATURE_NOT_SUPPORTED);
            // an ordinary call still works
            caller.send(new Call(++request, Map.of(), PROC, Payload.EMPTY));
            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.details()).isEmpty();
            callee.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
            assertThat(caller.next(Result.class).request()).isEqualTo(request);
            callee.disconnect();
        }
        // the other spelling of call canceling counts too
        TestPeer callee = TestPeer.joinedWith(router, RpcTesting.REALM,
                TestPeer.roles("callee.progressive_call_invocations", "callee.call_cancelling"));
        callee.register(PROC);
        caller.send(new Call(++request, PROGRESS, PROC, Payload.EMPTY));
        assertThat(callee.next(Invocation.class).details()).isEqualTo(PROGRESS);
    }

    @Test
    void aStreamStaysWithItsCalleeOfASharedRegistration() {
        TestPeer first = RpcTesting.advanced(router);
        TestPeer second = RpcTesting.advanced(router);
        first.register(PROC, options("invoke", "roundrobin"));
        second.register(PROC, options("invoke", "roundrobin"));
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(1L, PROGRESS, PROC, Payload.ofArgs(1L)));
        caller.send(new Call(2L, Map.of(), PROC, Payload.ofArgs("plain")));
        caller.send(new Call(1L, PROGRESS, PROC, Payload.ofArgs(2L)));
        caller.send(new Call(1L, Map.of(), PROC, Payload.ofArgs(3L)));

        List<Invocation> stream = List.of(first.next(Invocation.class), first.next(Invocation.class),
                first.next(Invocation.class));
        assertThat(stream).extracting(invocation -> invocation.payload().args().get(0)).containsExactly(1L, 2L, 3L);
        assertThat(stream).extracting(Invocation::request).containsOnly(stream.get(0).request());
        assertThat(second.next(Invocation.class).payload().args()).containsExactly("plain");
    }

    @Test
    void progressiveInvocationsAndResultsMakeATwoWayStream() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(5L, options("progress", true, "receive_progress", true), PROC, Payload.ofArgs("a")));
        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.details()).isEqualTo(Map.of("receive_progress", true, "progress", true));
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("A")));
        assertThat(caller.next(Result.class).details()).isEqualTo(PROGRESS);
        caller.send(new Call(5L, PROGRESS, PROC, Payload.ofArgs("b")));
        caller.send(new Call(5L, Map.of(), PROC, Payload.ofArgs("c")));
        assertThat(callee.next(Invocation.class).payload().args()).containsExactly("b");
        assertThat(callee.next(Invocation.class).payload().args()).containsExactly("c");
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("B")));
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("C")));

        Result progress = caller.next(Result.class);
        assertThat(progress.details()).isEqualTo(PROGRESS);
        assertThat(progress.payload().args()).containsExactly("B");
        Result last = caller.next(Result.class);
        assertThat(last.details()).isEmpty();
        assertThat(last.payload().args()).containsExactly("C");
    }

    @Test
    void theOptionsOfTheFirstCallHoldForEveryInvocationOfTheStream() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register("com.example", options("match", "prefix"));
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(6L, options("progress", true, "disclose_me", true), "com.example.upload",
                Payload.ofArgs(1L)));
        Invocation first = callee.next(Invocation.class);
        assertThat(first.details()).containsEntry("caller", caller.sessionId)
                .containsEntry("procedure", "com.example.upload").containsEntry("progress", true);
        // later CALLs may leave their options out: the first one's hold, progress aside
        caller.send(new Call(6L, PROGRESS, "com.example.upload", Payload.ofArgs(2L)));
        caller.send(new Call(6L, Map.of(), "com.example.upload", Payload.ofArgs(3L)));

        Invocation second = callee.next(Invocation.class);
        Invocation last = callee.next(Invocation.class);
        Map<String, Object> frozen = new java.util.HashMap<>(first.details());
        assertThat(second.details()).isEqualTo(frozen);
        frozen.remove("progress");
        assertThat(last.details()).isEqualTo(frozen);
    }

    @Test
    void aCallOfAStreamThatEndedIsAProtocolViolation() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(7L, PROGRESS, PROC, Payload.EMPTY));
        caller.send(new Call(7L, Map.of(), PROC, Payload.EMPTY));
        callee.next(Invocation.class);
        callee.next(Invocation.class);

        // the stream is closed but its call is still in flight
        caller.send(new Call(7L, PROGRESS, PROC, Payload.EMPTY));

        assertThat(caller.next(Abort.class).reason()).isEqualTo(WampUris.PROTOCOL_VIOLATION);
    }

    @Test
    void aCallerLeavingMidStreamInterruptsTheCallee() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(8L, PROGRESS, PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        caller.disconnect();

        Interrupt interrupt = callee.next(Interrupt.class);
        assertThat(interrupt.request()).isEqualTo(invocation.request());
        assertThat(interrupt.options()).isEqualTo(Map.of("mode", "killnowait"));
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), WampUris.CANCELED,
                Payload.EMPTY));
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @Test
    void chunksStillUnderWayWhenTheCallEndedAreDropped() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(9L, PROGRESS, PROC, Payload.ofArgs(1L)));
        Invocation invocation = callee.next(Invocation.class);

        // the callee gives up while the caller is still streaming
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), "com.example.full",
                Payload.EMPTY));
        caller.send(new Call(9L, PROGRESS, PROC, Payload.ofArgs(2L)));
        caller.send(new Call(9L, Map.of(), PROC, Payload.ofArgs(3L)));

        caller.nextError(MessageType.CALL, 9L, "com.example.full");
        caller.roundTrip();
        caller.expectNothingMore();
        callee.roundTrip();
        callee.expectNothingMore();
        // the request id is free again once the stream is over
        caller.send(new Call(9L, Map.of(), PROC, Payload.ofArgs("again")));
        assertThat(callee.next(Invocation.class).payload().args()).containsExactly("again");
    }

    @Test
    void aRefusedStreamIsAnsweredOnceWhateverFollows() {
        TestPeer plainCallee = RpcTesting.basic(router);
        plainCallee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        // refused by the callee's features, then by the URI: the rest of each stream is dropped
        caller.send(new Call(11L, PROGRESS, PROC, Payload.ofArgs(1L)));
        caller.send(new Call(11L, PROGRESS, PROC, Payload.ofArgs(2L)));
        caller.send(new Call(11L, Map.of(), PROC, Payload.ofArgs(3L)));
        caller.send(new Call(12L, PROGRESS, "com.example.nobody", Payload.ofArgs(1L)));
        caller.send(new Call(12L, Map.of(), "com.example.nobody", Payload.ofArgs(2L)));

        caller.nextError(MessageType.CALL, 11L, WampUris.FEATURE_NOT_SUPPORTED);
        caller.nextError(MessageType.CALL, 12L, WampUris.NO_SUCH_PROCEDURE);
        caller.roundTrip();
        caller.expectNothingMore();
        plainCallee.roundTrip();
        plainCallee.expectNothingMore();
    }

    @Test
    void aCalleeLeavingMidStreamCancelsTheCallAndTheRestOfTheStreamIsDropped() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC, options("invoke", "first"));
        TestPeer standBy = RpcTesting.advanced(router);
        standBy.register(PROC, options("invoke", "first"));
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(10L, PROGRESS, PROC, Payload.ofArgs(1L)));
        callee.next(Invocation.class);

        callee.disconnect();
        caller.send(new Call(10L, PROGRESS, PROC, Payload.ofArgs(2L)));
        caller.send(new Call(10L, Map.of(), PROC, Payload.ofArgs(3L)));

        caller.nextError(MessageType.CALL, 10L, WampUris.CANCELED);
        caller.roundTrip();
        caller.expectNothingMore();
        standBy.roundTrip();
        standBy.expectNothingMore();
    }
}
