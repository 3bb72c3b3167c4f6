package io.wampspring.router;

import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.Serializers;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stray answers, either side leaving mid-call, and payloads one side's serializer cannot write. */
class DealerRobustnessTest {

    private static final String PROC = "com.example.proc";
    private static final Map<String, Object> PROGRESS = Map.of("progress", true);
    /** Beyond 64 bits: JSON and CBOR carry it, MessagePack cannot. */
    private static final BigInteger HUGE = BigInteger.TWO.pow(70);

    private final WampRouter router = RpcTesting.router();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void shutdown() {
        router.shutdown(Duration.ZERO);
        executor.shutdownNow();
    }

    static java.util.stream.Stream<WampSerializer> serializers() {
        return RpcTesting.serializers();
    }

    @Test
    void answersToInvocationsNotOwedAreIgnored() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer other = RpcTesting.advanced(router);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(1L, options("receive_progress", true), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        for (TestPeer stray : List.of(callee, other)) {
            long id = stray == callee ? invocation.request() + 7 : invocation.request();
            stray.send(new Yield(id, PROGRESS, Payload.ofArgs("stray progress")));
            stray.send(new Yield(id, Map.of(), Payload.ofArgs("stray")));
            stray.send(new ErrorMessage(MessageType.INVOCATION, id, Map.of(), "com.example.stray", Payload.EMPTY));
            stray.roundTrip();
            stray.expectNothingMore();
            assertThat(stray.transport.isClosed()).isFalse();
        }
        caller.roundTrip();
        caller.expectNothingMore();

        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs("real")));
        assertThat(caller.next(Result.class).payload().args()).containsExactly("real");
        callee.send(new ErrorMessage(MessageType.INVOCATION, invocation.request(), Map.of(), "com.example.late",
                Payload.EMPTY));
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void aCalleeLeavingMidProgressCancelsTheCallAndNoProgressFollows() {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(2L, options("receive_progress", true), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs("1/3")));
        caller.next(Result.class);

        callee.disconnect();

        caller.nextError(MessageType.CALL, 2L, WampUris.CANCELED);
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void aCallerLeavingMidCallInterruptsOnlyCalleesThatCanCancel() {
        TestPeer canCancel = RpcTesting.advanced(router);
        canCancel.register("com.example.a");
        TestPeer cannot = RpcTesting.basic(router);
        cannot.register("com.example.b");
        TestPeer caller = RpcTesting.advanced(router);
        caller.send(new Call(1L, Map.of(), "com.example.a", Payload.EMPTY));
        caller.send(new Call(2L, Map.of(), "com.example.a", Payload.EMPTY));
        caller.send(new Call(3L, Map.of(), "com.example.b", Payload.EMPTY));
        Invocation first = canCancel.next(Invocation.class);
        Invocation second = canCancel.next(Invocation.class);
        Invocation third = cannot.next(Invocation.class);
        int callerFrames = caller.receivedCount();

        caller.disconnect();

        List<Long> interrupted = List.of(canCancel.next(Interrupt.class), canCancel.next(Interrupt.class)).stream()
                .peek(interrupt -> assertThat(interrupt.options()).isEqualTo(Map.of("mode", "killnowait")))
                .map(Interrupt::request).toList();
        assertThat(interrupted).containsExactlyInAnyOrder(first.request(), second.request());
        canCancel.send(new Yield(first.request(), Map.of(), Payload.EMPTY));
        cannot.send(new Yield(third.request(), Map.of(), Payload.EMPTY));
        for (TestPeer callee : List.of(canCancel, cannot)) {
            callee.roundTrip();
            callee.expectNothingMore();
        }
        assertThat(caller.receivedCount()).isEqualTo(callerFrames);
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aResultTheCallersSerializerCannotWriteBecomesInvalidPayload(WampSerializer serializer) throws Exception {
        LocalSession local = new LocalSession(router, RpcTesting.REALM, RpcTesting.LOCAL, executor);
        local.register(PROC, Map.of(), invocation -> CompletableFuture.completedFuture(
                "bad".equals(invocation.payload().args().get(0)) ? Payload.ofArgs(LocalDate.of(2024, 1, 1))
                        : Payload.ofArgs("good"))).get(5, TimeUnit.SECONDS);
        TestPeer caller = RpcTesting.advanced(router, serializer);

        caller.send(new Call(1L, Map.of(), PROC, Payload.ofArgs("bad")));
        ErrorMessage error = caller.nextError(MessageType.CALL, 1L, WampUris.INVALID_PAYLOAD);
        assertThat((String) error.payload().args().get(0)).contains("java.time.LocalDate");

        // the session and the procedure are unharmed
        caller.send(new Call(2L, Map.of(), PROC, Payload.ofArgs("fine")));
        assertThat(caller.next(Result.class).payload().args()).containsExactly("good");
        assertThat(caller.transport.isClosed()).isFalse();
        local.close();
    }

    @Test
    void argumentsTheCalleesSerializerCannotWriteFailTheCall() throws Exception {
        TestPeer callee = RpcTesting.advanced(router, Serializers.MSGPACK);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, Serializers.JSON);
        try (LocalSession local = new LocalSession(router, RpcTesting.REALM, RpcTesting.LOCAL, executor)) {
            CompletableFuture<Result> call = local.call(PROC, Map.of(), Payload.ofArgs(LocalDate.of(2024, 1, 1)));
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(WampException.class)
                    .satisfies(ex -> assertThat(((WampException) ex).uri()).isEqualTo(WampUris.INVALID_PAYLOAD));
        }
        // a 70-bit integer from a JSON caller does not fit MessagePack either
        caller.send(new Call(2L, Map.of(), PROC, Payload.ofArgs(HUGE)));
        caller.nextError(MessageType.CALL, 2L, WampUris.INVALID_PAYLOAD);
        callee.roundTrip();
        callee.expectNothingMore();
    }

    @Test
    void aStreamChunkTheCalleeCannotReadEndsTheCallAndInterruptsIt() {
        TestPeer callee = RpcTesting.advanced(router, Serializers.MSGPACK);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, Serializers.JSON);
        caller.send(new Call(3L, PROGRESS, PROC, Payload.ofArgs(1L)));
        Invocation invocation = callee.next(Invocation.class);

        caller.send(new Call(3L, PROGRESS, PROC, Payload.ofArgs(HUGE)));
        caller.send(new Call(3L, Map.of(), PROC, Payload.ofArgs(3L)));

        caller.nextError(MessageType.CALL, 3L, WampUris.INVALID_PAYLOAD);
        Interrupt interrupt = callee.next(Interrupt.class);
        assertThat(interrupt.request()).isEqualTo(invocation.request());
        assertThat(interrupt.options()).isEqualTo(Map.of("mode", "killnowait"));
        callee.roundTrip();
        callee.expectNothingMore();
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void progressTheCallerCannotReadEndsTheCallAndInterruptsTheCallee() {
        TestPeer callee = RpcTesting.advanced(router, Serializers.JSON);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, Serializers.MSGPACK);
        caller.send(new Call(4L, options("receive_progress", true), PROC, Payload.EMPTY));
        Invocation invocation = callee.next(Invocation.class);

        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs(HUGE)));
        callee.send(new Yield(invocation.request(), PROGRESS, Payload.ofArgs(1L)));
        callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs(2L)));

        caller.nextError(MessageType.CALL, 4L, WampUris.INVALID_PAYLOAD);
        assertThat(callee.next(Interrupt.class).options()).isEqualTo(Map.of("mode", "killnowait"));
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void aValueTravelsToTheSerializersThatCanHoldIt() {
        TestPeer callee = RpcTesting.advanced(router, Serializers.JSON);
        callee.register(PROC);
        TestPeer cbor = RpcTesting.advanced(router, Serializers.CBOR);
        TestPeer msgpack = RpcTesting.advanced(router, Serializers.MSGPACK);

        cbor.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        callee.send(new Yield(callee.next(Invocation.class).request(), Map.of(), Payload.ofArgs(HUGE)));
        assertThat(cbor.next(Result.class).payload().args()).containsExactly(HUGE);

        msgpack.send(new Call(1L, Map.of(), PROC, Payload.EMPTY));
        callee.send(new Yield(callee.next(Invocation.class).request(), Map.of(), Payload.ofArgs(HUGE)));
        msgpack.nextError(MessageType.CALL, 1L, WampUris.INVALID_PAYLOAD);
        // an ERROR whose arguments do not fit keeps its URI, with the router's explanation instead
        msgpack.send(new Call(2L, Map.of(), PROC, Payload.EMPTY));
        callee.send(new ErrorMessage(MessageType.INVOCATION, callee.next(Invocation.class).request(),
                Map.of(), "com.example.overflow", Payload.ofArgs(HUGE)));
        ErrorMessage error = msgpack.nextError(MessageType.CALL, 2L, "com.example.overflow");
        assertThat(error.payload().args()).hasSize(1).allSatisfy(arg -> assertThat(arg).isInstanceOf(String.class));
    }
}
