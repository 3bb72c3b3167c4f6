package io.wampspring.router;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Call timeouts: the caller's own, the per-procedure and realm defaults, and what the callee is told. */
class CallTimeoutTest {

    private static final String PROC = "com.example.slow";
    private static final Map<String, Object> PROGRESS = Map.of("progress", true);

    private WampRouter router = RpcTesting.router();

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
    }

    static java.util.stream.Stream<WampSerializer> serializers() {
        return RpcTesting.serializers();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aCallThatTimesOutFailsForTheCallerAndIsInterruptedAtTheCallee(WampSerializer serializer) {
        TestPeer callee = RpcTesting.advanced(router, serializer);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, serializer);

        caller.send(new Call(1L, options("timeout", 30L), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.details()).isEqualTo(Map.of("timeout", 30L));

        caller.nextError(MessageType.CALL, 1L, WampUris.TIMEOUT);
        Interrupt interrupt = callee.next(Interrupt.class);
        assertThat(interrupt.request()).isEqualTo(invocation.request());
        assertThat(interrupt.options()).isEqualTo(Map.of("mode", "killnowait"));
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("too late")));
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void aCalleeWithoutTheFeaturesIsNeitherToldNorInterrupted() {
        TestPeer callee = RpcTesting.basic(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(2L, options("timeout", 20L), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.details()).isEmpty();

        caller.nextError(MessageType.CALL, 2L, WampUris.TIMEOUT);
        callee.send(new Yield(invocation.request(), Map.of(), Payload.EMPTY));
        callee.roundTrip();
        callee.expectNothingMore();
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void aCallAnsweredInTimeNeverTimesOut() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(3L, options("timeout", 20L), PROC, Payload.EMPTY));
        Invocation answered = callee.next(Invocation.class);
        callee.send(new Yield(answered.request(), Map.of(), Payload.ofArgs("in time")));
        assertThat(caller.next(Result.class).payload().args()).containsExactly("in time");
        // a later call's timeout (the router's timer runs its tasks in deadline order) shows the first has passed
        caller.send(new Call(4L, options("timeout", 60L), PROC, Payload.EMPTY));
        Invocation unanswered = callee.next(Invocation.class);

        caller.nextError(MessageType.CALL, 4L, WampUris.TIMEOUT);
        assertThat(callee.next(Interrupt.class).request()).isEqualTo(unanswered.request());
        caller.expectNothingMore();
        callee.expectNothingMore();
    }

    @Test
    void zeroTurnsTheRealmDefaultOffAndTheDefaultIsForwarded() {
        router.shutdown(Duration.ZERO);
        router = RpcTesting.router(new RpcConfig(Disclosure.ON_REQUEST, Duration.ofMillis(40), List.of()));
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(5L, options("timeout", 0L), PROC, Payload.EMPTY));
        assertThat(callee.next(Invocation.class).details()).isEmpty();
        caller.send(new Call(6L, Map.of(), PROC, Payload.EMPTY));
        assertThat(callee.next(Invocation.class).details()).isEqualTo(Map.of("timeout", 40L));

        caller.nextError(MessageType.CALL, 6L, WampUris.TIMEOUT);
        callee.next(Interrupt.class);
        caller.expectNothingMore();
        callee.expectNothingMore();
    }

    @Test
    void perProcedureTimeoutsFollowTheBestMatchAndTheCallersOwnWins() {
        router.shutdown(Duration.ZERO);
        router = RpcTesting.router(new RpcConfig(Disclosure.ON_REQUEST, Duration.ofSeconds(9), List.of(
                new RpcConfig.ProcedureTimeout(MatchPolicy.EXACT, "com.example.fast", Duration.ofMillis(20)),
                new RpcConfig.ProcedureTimeout(MatchPolicy.PREFIX, "com", Duration.ofSeconds(4)),
                new RpcConfig.ProcedureTimeout(MatchPolicy.PREFIX, "com.example", Duration.ofSeconds(5)),
                new RpcConfig.ProcedureTimeout(MatchPolicy.WILDCARD, "org..slow", Duration.ofSeconds(6)))));
        TestPeer callee = RpcTesting.advanced(router);
        for (String prefix : List.of("com", "org", "net")) {
            callee.register(prefix, options("match", "prefix"));
        }
        TestPeer caller = RpcTesting.advanced(router);

        Map<String, Long> expected = Map.of("com.example.other", 5000L, "com.elsewhere", 4000L, "org.x.slow", 6000L,
                "net.plain", 9000L);
        long request = 100;
        for (Map.Entry<String, Long> entry : expected.entrySet()) {
            caller.send(new Call(++request, Map.of(), entry.getKey(), Payload.EMPTY));
            assertThat(callee.next(Invocation.class).details()).as(entry.getKey())
                    .containsEntry("timeout", entry.getValue());
        }
        caller.send(new Call(++request, options("timeout", 7000L), "com.example.other", Payload.EMPTY));
        assertThat(callee.next(Invocation.class).details()).containsEntry("timeout", 7000L);

        caller.send(new Call(1L, Map.of(), "com.example.fast", Payload.EMPTY));
        assertThat(callee.next(Invocation.class).details()).containsEntry("timeout", 20L);
        caller.nextError(MessageType.CALL, 1L, WampUris.TIMEOUT);
    }

    @Test
    void aNegativeOrNonIntegerTimeoutIsAnInvalidArgument() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        long request = 0;
        for (Object timeout : List.of(-1L, 1.5, "10", true, List.of(10L))) {
            caller.send(new Call(++request, options("timeout", timeout), PROC, Payload.EMPTY));
            caller.nextError(MessageType.CALL, request, WampUris.INVALID_ARGUMENT);
        }
        caller.sendText("[48, 99, {\"timeout\": 18446744073709551615}, \"" + PROC + "\"]");
        caller.nextError(MessageType.CALL, 99L, WampUris.INVALID_ARGUMENT);
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @Test
    void aStreamingCallTimesOutAndTheRestOfItsStreamIsDropped() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(7L, options("progress", true, "timeout", 30L), PROC, Payload.ofArgs(1L)));
        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.details()).isEqualTo(Map.of("progress", true, "timeout", 30L));
        caller.send(new Call(7L, PROGRESS, PROC, Payload.ofArgs(2L)));
        assertThat(callee.next(Invocation.class).details()).isEqualTo(Map.of("progress", true, "timeout", 30L));

        caller.nextError(MessageType.CALL, 7L, WampUris.TIMEOUT);
        assertThat(callee.next(Interrupt.class).request()).isEqualTo(invocation.request());
        caller.send(new Call(7L, PROGRESS, PROC, Payload.ofArgs(3L)));
        caller.send(new Call(7L, Map.of(), PROC, Payload.ofArgs(4L)));
        callee.roundTrip();
        callee.expectNothingMore();
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void aCallWithProgressiveResultsTimesOutAndNoProgressFollows() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(8L, options("receive_progress", true, "timeout", 30L), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("10%")));
        assertThat(caller.next(Result.class).details()).isEqualTo(PROGRESS);

        caller.nextError(MessageType.CALL, 8L, WampUris.TIMEOUT);
        callee.next(Interrupt.class);
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("20%")));
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void anInProcessCallerMayGiveItsTimeoutAsAnyJavaInteger() throws Exception {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (LocalSession local = new LocalSession(router, RpcTesting.REALM, RpcTesting.LOCAL, executor)) {
            CompletableFuture<Result> call = local.call(PROC, Map.of("timeout", 30), Payload.EMPTY);

            assertThat(callee.next(Invocation.class).details()).isEqualTo(Map.of("timeout", 30L));
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WampException.class)
                    .satisfies(ex -> assertThat(((WampException) ex).uri()).isEqualTo(WampUris.TIMEOUT));
            callee.next(Interrupt.class);
        }
        finally {
            executor.shutdownNow();
        }
    }

    /** The timer and the callee's last answers race: one final answer per call, and no progress after it. */
    @Test
    void aTimeoutRacingTheFinalYieldGivesExactlyOneFinalAnswer() throws Exception {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        int calls = 300;
        ExecutorService answering = Executors.newSingleThreadExecutor();
        try {
            for (long request = 1; request <= calls; request++) {
                caller.send(new Call(request, options("receive_progress", true, "timeout", 1L), PROC,
                        Payload.ofArgs(request)));
                Invocation invocation = nextInvocation(callee);
                answering.execute(() -> {
                    callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("p")));
                    callee.send(new Yield(invocation.request(), Map.of(), invocation.payload()));
                    callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("late")));
                });
            }
            answering.submit(() -> { }).get(10, TimeUnit.SECONDS);
        }
        finally {
            answering.shutdownNow();
        }
        // the last call has had its answer; the timer may still be about to fire for it: wait for its end
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> finals(caller, calls) == calls);

        int[] answers = new int[calls + 1];
        for (io.wampspring.router.message.WampMessage message : caller.drain()) {
            if (message instanceof Result result && result.details().isEmpty()) {
                assertThat(result.payload().args()).containsExactly(result.request());
                assertThat(answers[(int) result.request()]++).as("answers to %d", result.request()).isZero();
            }
            else if (message instanceof Result progress) {
                assertThat(answers[(int) progress.request()]).as("progress after the end of %d",
                        progress.request()).isZero();
            }
            else if (message instanceof ErrorMessage error) {
                assertThat(error.error()).isEqualTo(WampUris.TIMEOUT);
                assertThat(answers[(int) error.request()]++).as("answers to %d", error.request()).isZero();
            }
        }
        caller.roundTrip();
        caller.expectNothingMore();
    }

    private static long finals(TestPeer caller, int calls) {
        return caller.received().stream().filter(message -> message instanceof ErrorMessage
                || message instanceof Result result && result.details().isEmpty()).count();
    }

    /** The next INVOCATION, past the INTERRUPTs of earlier calls. */
    private static Invocation nextInvocation(TestPeer callee) {
        while (true) {
            io.wampspring.router.message.WampMessage message = callee.next(
                    io.wampspring.router.message.WampMessage.class);
            if (message instanceof Invocation invocation) {
                return invocation;
            }
            assertThat(message).isInstanceOf(Interrupt.class);
        }
    }

    @Test
    void aLateErrorFromTheCalleeIsDroppedToo() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(9L, options("timeout", 20L), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        ErrorMessage timeout = caller.nextError(MessageType.CALL, 9L, WampUris.TIMEOUT);
        assertThat(timeout.payload().args()).hasSize(1);
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), WampUris.CANCELED,
                Payload.EMPTY));
        caller.roundTrip();
        caller.expectNothingMore();
    }
}
