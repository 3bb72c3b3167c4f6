package io.wampspring.router;

import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
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

/** Progressive call results: partial YIELDs reach the caller only when it asked for them, and never after the end. */
class ProgressiveCallResultsTest extends RpcRouterTest {

    private static final String PROC = "com.example.stream";
    private static final Map<String, Object> PROGRESS = Map.of("progress", true);

    @ParameterizedTest
    @MethodSource("serializers")
    void progressiveYieldsBecomeProgressiveResultsThenTheFinalResult(WampSerializer serializer) {
        TestPeer callee = RpcTesting.advanced(router, serializer);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, serializer);

        caller.send(new Call(21L, options("receive_progress", true), PROC, Payload.ofArgs("go")));
        Invocation invocation = callee.next(Invocation.class);
        assertThat(invocation.details()).isEqualTo(Map.of("receive_progress", true));
        for (long part = 1; part <= 3; part++) {
            callee.send(new Yield(invocation.request(), PROGRESS, Payload.of(List.of(part), Map.of("part", part))));
            Result progress = caller.next(Result.class);
            assertThat(progress.request()).isEqualTo(21L);
            assertThat(progress.details()).isEqualTo(PROGRESS);
            assertThat(progress.payload().args()).containsExactly(part);
            assertThat(progress.payload().kwargs()).isEqualTo(Map.of("part", part));
        }
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("end")));
        Result last = caller.next(Result.class);
        assertThat(last.request()).isEqualTo(21L);
        assertThat(last.details()).isEmpty();
        assertThat(last.payload().args()).containsExactly("end");
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void progressIsDroppedForACallerThatDidNotAskForIt() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        for (Map<String, Object> options : List.of(Map.<String, Object>of(), options("receive_progress", false))) {
            long request = caller.nextRequest();
            caller.send(new Call(request, options, PROC, Payload.EMPTY));
            Invocation invocation = callee.next(Invocation.class);
            assertThat(invocation.details()).doesNotContainKey("receive_progress");
            callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("partial")));
            callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("partial")));
            callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("all")));

            Result result = caller.next(Result.class);
            assertThat(result.request()).isEqualTo(request);
            assertThat(result.details()).isEmpty();
            assertThat(result.payload().args()).containsExactly("all");
        }
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void aCalleeErrorEndsAProgressiveCall() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(3L, options("receive_progress", true), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs(1L)));
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), "com.example.broken",
                Payload.ofArgs("half way")));
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs(2L)));
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("too late")));

        assertThat(caller.next(Result.class).details()).isEqualTo(PROGRESS);
        ErrorMessage error = caller.nextError(MessageType.CALL, 3L, "com.example.broken");
        assertThat(error.payload().args()).containsExactly("half way");
        caller.roundTrip();
        caller.expectNothingMore();
        assertThat(callee.transport.isClosed()).isFalse();
    }

    @Test
    void nothingOfACallFollowsItsFinalResult() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);

        caller.send(new Call(4L, options("receive_progress", true), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("final")));
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("stray progress")));
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), "com.example.late",
                Payload.EMPTY));

        assertThat(caller.next(Result.class).details()).isEmpty();
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void progressOfConcurrentCallsStaysWithItsOwnCall() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer first = RpcTesting.advanced(router);
        TestPeer second = RpcTesting.advanced(router);

        first.send(new Call(1L, options("receive_progress", true), PROC, Payload.ofArgs("first")));
        second.send(new Call(1L, options("receive_progress", true), PROC, Payload.ofArgs("second")));
        Invocation toFirst = callee.next(Invocation.class);
        Invocation toSecond = callee.next(Invocation.class);
        callee.send(new Yield(toSecond.request(), PROGRESS, Payload.ofArgs("second 1")));
        callee.send(new Yield(toFirst.request(), PROGRESS, Payload.ofArgs("first 1")));
        callee.send(new Yield(toSecond.request(), Map.of(), Payload.ofArgs("second end")));
        callee.send(new Yield(toFirst.request(), Map.of(), Payload.ofArgs("first end")));

        assertThat(first.next(Result.class).payload().args()).containsExactly("first 1");
        assertThat(first.next(Result.class).payload().args()).containsExactly("first end");
        assertThat(second.next(Result.class).payload().args()).containsExactly("second 1");
        assertThat(second.next(Result.class).payload().args()).containsExactly("second end");
    }

    @Test
    void progressFromAnInProcessCalleeReachesARemoteCaller() throws Exception {
        // an in-process session stands for every feature: it gets receive_progress like any callee
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (io.wampspring.router.client.LocalSession local = new io.wampspring.router.client.LocalSession(router,
                RpcTesting.REALM, RpcTesting.LOCAL, executor)) {
            java.util.concurrent.CompletableFuture<Invocation> invoked = new java.util.concurrent.CompletableFuture<>();
            local.register(PROC, Map.of(), invocation -> {
                invoked.complete(invocation.message());
                return java.util.concurrent.CompletableFuture.completedFuture(Payload.ofArgs("local result"));
            }).get(5, java.util.concurrent.TimeUnit.SECONDS);
            TestPeer caller = RpcTesting.advanced(router);

            caller.send(new Call(8L, options("receive_progress", true), PROC, Payload.EMPTY));

            assertThat(caller.next(Result.class).payload().args()).containsExactly("local result");
            assertThat(invoked.get(5, java.util.concurrent.TimeUnit.SECONDS).details())
                    .containsEntry("receive_progress", true);
        }
        finally {
            executor.shutdownNow();
        }
    }
}
