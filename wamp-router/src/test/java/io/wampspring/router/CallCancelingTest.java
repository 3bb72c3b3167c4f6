package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Call canceling: CANCEL in its three modes, for callees that can be interrupted and callees that cannot. */
class CallCancelingTest extends RpcRouterTest {

    private static final String PROC = "com.example.slow";

    @ParameterizedTest
    @MethodSource("serializers")
    void skipAnswersTheCallerAtOnceAndDropsTheCalleesAnswer(WampSerializer serializer) {
        TestPeer callee = RpcTesting.advanced(router, serializer);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, serializer);
        caller.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        caller.send(new Cancel(1L, options("mode", "skip")));

        caller.nextError(MessageType.CALL, 1L, WampUris.CANCELED);
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("too late")));
        caller.roundTrip();
        caller.expectNothingMore();
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void killnowaitAnswersTheCallerAtOnceAndInterruptsTheCallee(WampSerializer serializer) {
        TestPeer callee = RpcTesting.advanced(router, serializer);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, serializer);
        caller.send(new Call(2L, Map.of(), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        caller.send(new Cancel(2L, options("mode", "killnowait")));

        caller.nextError(MessageType.CALL, 2L, WampUris.CANCELED);
        Interrupt interrupt = callee.next(Interrupt.class);
        assertThat(interrupt.request()).isEqualTo(invocation.request());
        assertThat(interrupt.options()).isEqualTo(Map.of("mode", "killnowait"));
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), WampUris.CANCELED,
                Payload.EMPTY));
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void killInterruptsTheCalleeAndTheCallerGetsItsErrorAnswer(boolean explicitMode) {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(3L, Map.of(), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        caller.send(new Cancel(3L, explicitMode ? options("mode", "kill") : Map.of()));

        Interrupt interrupt = callee.next(Interrupt.class);
        assertThat(interrupt.request()).isEqualTo(invocation.request());
        assertThat(interrupt.options()).isEqualTo(Map.of("mode", "kill"));
        caller.roundTrip();
        caller.expectNothingMore();
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of("reason", "stopped"),
                WampUris.CANCELED, Payload.ofArgs("stopped at 40%")));
        ErrorMessage error = caller.nextError(MessageType.CALL, 3L, WampUris.CANCELED);
        assertThat(error.payload().args()).containsExactly("stopped at 40%");
    }

    @Test
    void killLetsACalleeThatFinishedFirstDeliverItsResult() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(4L, options("receive_progress", true), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        caller.send(new Cancel(4L, options("mode", "kill")));
        // a second kill does not interrupt again
        caller.send(new Cancel(4L, options("mode", "kill")));
        callee.next(Interrupt.class);
        callee.send(new Yield(invocation.request(), Map.of("progress", true), Payload.ofArgs("almost")));
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("done anyway")));

        assertThat(caller.next(Result.class).details()).isEqualTo(Map.of("progress", true));
        Result result = caller.next(Result.class);
        assertThat(result.request()).isEqualTo(4L);
        assertThat(result.payload().args()).containsExactly("done anyway");
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @ParameterizedTest
    @ValueSource(strings = {"skip", "kill", "killnowait"})
    void aCalleeThatCannotCancelIsNeverInterruptedAndTheCallerIsAnsweredAtOnce(String mode) {
        TestPeer callee = RpcTesting.basic(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(5L, Map.of(), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        caller.send(new Cancel(5L, options("mode", mode)));

        caller.nextError(MessageType.CALL, 5L, WampUris.CANCELED);
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("unaware")));
        callee.roundTrip();
        callee.expectNothingMore();
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void theOtherSpellingOfCallCancelingIsHonoured() {
        TestPeer callee = TestPeer.joinedWith(router, RpcTesting.REALM, TestPeer.roles("callee.call_cancelling"));
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(6L, Map.of(), PROC, Payload.EMPTY));
        callee.next(Invocation.class);

        caller.send(new Cancel(6L, options("mode", "kill")));

        assertThat(callee.next(Interrupt.class).options()).isEqualTo(Map.of("mode", "kill"));
    }

    @Test
    void anUnknownModeIsAnInvalidArgumentAndTheCallGoesOn() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(7L, Map.of(), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        caller.send(new Cancel(7L, options("mode", "abort")));
        // a mode that is no string at all is no known mode either, rather than the default
        caller.send(new Cancel(7L, options("mode", 1L)));
        caller.send(new Cancel(7L, options("mode", List.of("kill"))));

        caller.nextError(MessageType.CANCEL, 7L, WampUris.INVALID_ARGUMENT);
        caller.nextError(MessageType.CANCEL, 7L, WampUris.INVALID_ARGUMENT);
        caller.nextError(MessageType.CANCEL, 7L, WampUris.INVALID_ARGUMENT);
        callee.roundTrip();
        callee.expectNothingMore();
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("fine")));
        assertThat(caller.next(Result.class).payload().args()).containsExactly("fine");
    }

    @Test
    void cancelingAnUnknownOrFinishedCallIsIgnored() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(8L, Map.of(), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
        caller.next(Result.class);

        for (String mode : List.of("skip", "kill", "killnowait")) {
            caller.send(new Cancel(8L, options("mode", mode)));
            caller.send(new Cancel(12345L, options("mode", mode)));
        }
        // another session cannot cancel someone else's call either
        caller.send(new Call(9L, Map.of(), PROC, Payload.EMPTY));
        Invocation next = callee.next(Invocation.class);
        TestPeer stranger = RpcTesting.advanced(router);
        stranger.send(new Cancel(9L, options("mode", "killnowait")));
        stranger.roundTrip();
        stranger.expectNothingMore();

        caller.roundTrip();
        caller.expectNothingMore();
        callee.roundTrip();
        callee.expectNothingMore();
        callee.send(new Yield(next.request(), Map.of(), Payload.EMPTY));
        assertThat(caller.next(Result.class).request()).isEqualTo(9L);
    }

    @Test
    void cancelingAStreamingCallStopsTheStream() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(10L, Map.of("progress", true), PROC, Payload.ofArgs(1L)));
        Invocation invocation = callee.next(Invocation.class);

        caller.send(new Cancel(10L, options("mode", "killnowait")));
        caller.send(new Call(10L, Map.of(), PROC, Payload.ofArgs(2L)));

        caller.nextError(MessageType.CALL, 10L, WampUris.CANCELED);
        assertThat(callee.next(Interrupt.class).request()).isEqualTo(invocation.request());
        callee.roundTrip();
        callee.expectNothingMore();
        caller.roundTrip();
        caller.expectNothingMore();
    }

    /** CANCEL and the callee's last answers race on two threads: the caller gets one final answer, nothing after. */
    @ParameterizedTest
    @ValueSource(strings = {"skip", "kill", "killnowait"})
    void cancelRacingTheFinalYieldGivesExactlyOneFinalAnswer(String mode) throws Exception {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        int rounds = 300;
        CyclicBarrier start = new CyclicBarrier(2);
        for (long request = 1; request <= rounds; request++) {
            long id = request;
            caller.send(new Call(id, options("receive_progress", true), PROC, Payload.ofArgs(id)));
            Invocation invocation = nextInvocation(callee);
            CompletableFuture<Void> answering = CompletableFuture.runAsync(() -> {
                await(start);
                callee.send(new Yield(invocation.request(), Map.of("progress", true), Payload.ofArgs("p")));
                callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs(id)));
                callee.send(new Yield(invocation.request(), Map.of("progress", true), Payload.ofArgs("late")));
            });
            await(start);
            caller.send(new Cancel(id, options("mode", mode)));
            answering.get(10, TimeUnit.SECONDS);
        }
        // every answer was sent on threads that have finished: all the caller will get is here

        long[] finals = new long[rounds + 1];
        for (WampMessage message : caller.received()) {
            if (message instanceof Result result && result.details().isEmpty()) {
                assertThat(result.payload().args()).containsExactly(result.request());
                assertThat(finals[(int) result.request()]++).as("answers to %d", result.request()).isZero();
            }
            else if (message instanceof Result progress) {
                assertThat(finals[(int) progress.request()]).as("progress after the end of %d", progress.request())
                        .isZero();
            }
            else if (message instanceof ErrorMessage error && error.requestType() == MessageType.CALL) {
                assertThat(error.error()).isEqualTo(WampUris.CANCELED);
                assertThat(finals[(int) error.request()]++).as("answers to %d", error.request()).isZero();
            }
        }
        for (int request = 1; request <= rounds; request++) {
            assertThat(finals[request]).as("answers to %d", request).isEqualTo(1);
        }
        // kill waits for the callee's answer: it gets the callee's RESULT every time
        if (mode.equals("kill")) {
            assertThat(caller.received().stream().filter(ErrorMessage.class::isInstance)
                    .filter(error -> ((ErrorMessage) error).requestType() == MessageType.CALL)).isEmpty();
        }
    }

    /** The next INVOCATION, past the INTERRUPTs of earlier calls. */
    private static Invocation nextInvocation(TestPeer callee) {
        while (true) {
            WampMessage message = callee.next(WampMessage.class);
            if (message instanceof Invocation invocation) {
                return invocation;
            }
            assertThat(message).isInstanceOf(Interrupt.class);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
