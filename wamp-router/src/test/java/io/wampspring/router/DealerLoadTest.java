package io.wampspring.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.WampSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many calls in flight at once, callees coming and going under load, and callers leaving while they call. */
class DealerLoadTest {

    private static final String PROC = "com.example.busy";

    private final WampRouter router = RpcTesting.router();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void shutdown() {
        threads.shutdownNow();
        router.shutdown(Duration.ZERO);
    }

    static java.util.stream.Stream<WampSerializer> serializers() {
        return RpcTesting.serializers();
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void tenThousandCallsInFlightAnsweredInReverseOrderAreAllDelivered(WampSerializer serializer) {
        int calls = 10_000;
        TestPeer callee = RpcTesting.advanced(router, serializer);
        callee.register(PROC);
        TestPeer caller = RpcTesting.advanced(router, serializer);

        for (long request = 1; request <= calls; request++) {
            caller.send(new Call(request, Map.of(), PROC, Payload.ofArgs(request)));
        }
        List<Invocation> invocations = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            invocations.add(callee.next(Invocation.class));
        }
        assertThat(invocations).extracting(Invocation::request).doesNotHaveDuplicates();
        assertThat(caller.receivedCount()).as("no answer before the callee's").isEqualTo(1);
        Collections.reverse(invocations);
        for (Invocation invocation : invocations) {
            long argument = (Long) invocation.payload().args().get(0);
            callee.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs(argument * 2)));
        }

        for (long expected = calls; expected >= 1; expected--) {
            Result result = caller.next(Result.class);
            assertThat(result.request()).isEqualTo(expected);
            assertThat(result.payload().args()).containsExactly(expected * 2);
        }
        caller.roundTrip();
        caller.expectNothingMore();
    }

    @Test
    void severalCallersOnTheirOwnThreadsGetTheirOwnAnswersFromTwoAnsweringThreads() throws Exception {
        int callers = 4;
        int perCaller = 2_500;
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        List<TestPeer> peers = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            peers.add(RpcTesting.advanced(router));
        }

        List<CompletableFuture<Void>> calling = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            TestPeer caller = peers.get(c);
            String name = "caller" + c;
            calling.add(CompletableFuture.runAsync(() -> {
                for (long request = 1; request <= perCaller; request++) {
                    caller.send(new Call(request, Map.of(), PROC, Payload.ofArgs(name, request)));
                }
            }, threads));
        }
        CompletableFuture.allOf(calling.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        List<Invocation> invocations = new ArrayList<>();
        for (int i = 0; i < callers * perCaller; i++) {
            invocations.add(callee.next(Invocation.class));
        }
        Collections.shuffle(invocations, new Random(7));
        int half = invocations.size() / 2;
        List<CompletableFuture<Void>> answering = new ArrayList<>();
        for (List<Invocation> share : List.of(invocations.subList(0, half),
                invocations.subList(half, invocations.size()))) {
            answering.add(CompletableFuture.runAsync(() -> share.forEach(invocation -> callee.send(new Yield(
                    invocation.request(), Map.of(), Payload.ofArgs(invocation.payload().args().toArray())))),
                    threads));
        }
        CompletableFuture.allOf(answering.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

        for (int c = 0; c < callers; c++) {
            TestPeer caller = peers.get(c);
            Set<Long> answered = new HashSet<>();
            for (int i = 0; i < perCaller; i++) {
                Result result = caller.next(Result.class);
                assertThat(result.payload().args()).containsExactly("caller" + c, result.request());
                assertThat(answered.add(result.request())).as("answered once: %d", result.request()).isTrue();
            }
            caller.roundTrip();
            caller.expectNothingMore();
        }
    }

    /**
     * Calls stream from one thread while callees of a shared registration register, unregister and leave on
     * another. One callee stays registered throughout, so every call is answered by a callee (RESULT) or fails
     * because the callee it went to left while it held it (canceled): never no_such_procedure, never silence.
     * (With first, the callee that stays would always be picked: the churners come after it.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"roundrobin", "random", "last"})
    void everyCallIsAnsweredOnceWhileCalleesComeAndGo(String policy) throws Exception {
        int calls = 4_000;
        TestPeer stable = RpcTesting.advanced(router);
        stable.register(PROC, options("invoke", policy));
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> answering = CompletableFuture.runAsync(() -> answer(stable, running), threads);
        CompletableFuture<Void> churning = CompletableFuture.runAsync(() -> {
            int round = 0;
            while (running.get()) {
                TestPeer churner = RpcTesting.advanced(router);
                long registration = churner.register(PROC, options("invoke", policy));
                if (++round % 2 == 0) {
                    churner.send(new io.wampspring.router.message.Unregister(churner.nextRequest(), registration));
                }
                churner.disconnect();
            }
        }, threads);
        TestPeer caller = RpcTesting.advanced(router);

        for (long request = 1; request <= calls; request++) {
            caller.send(new Call(request, Map.of(), PROC, Payload.ofArgs(request)));
        }
        running.set(false);
        churning.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> caller.receivedCount() >= calls + 1);
        answering.get(30, TimeUnit.SECONDS);

        Map<Long, WampMessage> answers = new HashMap<>();
        for (WampMessage message : caller.drain()) {
            long request = message instanceof Result result ? result.request() : ((ErrorMessage) message).request();
            assertThat(answers.put(request, message)).as("answers to %d", request).isNull();
            if (message instanceof Result result) {
                assertThat(result.payload().args()).containsExactly(request);
            }
            else {
                assertThat(((ErrorMessage) message).error()).as("error for %d", request).isEqualTo(WampUris.CANCELED);
            }
        }
        assertThat(answers).hasSize(calls);
        caller.roundTrip();
        caller.expectNothingMore();
    }

    /** Without a callee that stays, calls may also find none: still one answer each, and a documented one. */
    @Test
    void everyCallIsAnsweredOnceWhileTheOnlyCalleesComeAndGo() throws Exception {
        int calls = 4_000;
        AtomicBoolean running = new AtomicBoolean(true);
        CompletableFuture<Void> churning = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                TestPeer churner = RpcTesting.advanced(router);
                churner.register(PROC, options("invoke", "roundrobin"));
                AtomicBoolean answering = new AtomicBoolean(true);
                CompletableFuture<Void> answers = CompletableFuture.runAsync(() -> answer(churner, answering),
                        threads);
                TestPeer.awaitFast(() -> churner.receivedCount() > 3 || !running.get());
                answering.set(false);
                answers.join();
                churner.disconnect();
            }
        }, threads);
        TestPeer caller = RpcTesting.advanced(router);

        for (long request = 1; request <= calls; request++) {
            caller.send(new Call(request, Map.of(), PROC, Payload.ofArgs(request)));
        }
        running.set(false);
        churning.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> caller.receivedCount() >= calls + 1);

        Map<Long, WampMessage> answers = new HashMap<>();
        int results = 0;
        for (WampMessage message : caller.drain()) {
            long request = message instanceof Result result ? result.request() : ((ErrorMessage) message).request();
            assertThat(answers.put(request, message)).as("answers to %d", request).isNull();
            if (message instanceof Result result) {
                assertThat(result.payload().args()).containsExactly(request);
                results++;
            }
            else {
                assertThat(((ErrorMessage) message).error()).as("error for %d", request)
                        .isIn(WampUris.CANCELED, WampUris.NO_SUCH_PROCEDURE);
            }
        }
        assertThat(answers).hasSize(calls);
        assertThat(results).as("calls answered by a callee").isPositive();
        caller.roundTrip();
        caller.expectNothingMore();
    }

    /** A caller that drops while its CALLs are being routed: each INVOCATION that got out is interrupted. */
    @Test
    void everyInvocationOfACallerThatLeftIsInterrupted() throws Exception {
        TestPeer callee = RpcTesting.advanced(router);
        callee.register(PROC);
        for (int round = 0; round < 20; round++) {
            TestPeer caller = RpcTesting.advanced(router);
            int before = callee.receivedCount();
            AtomicBoolean calling = new AtomicBoolean(true);
            CompletableFuture<Void> hammer = CompletableFuture.runAsync(() -> {
                for (long request = 1; calling.get(); request++) {
                    caller.send(new Call(request, Map.of(), PROC, Payload.EMPTY));
                }
            }, threads);
            TestPeer.awaitFast(() -> callee.receivedCount() > before + 50);
            caller.disconnect();
            calling.set(false);
            hammer.get(10, TimeUnit.SECONDS);

            String name = "round " + round;
            await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .untilAsserted(() -> {
                Set<Long> invoked = new HashSet<>();
                Set<Long> interrupted = new HashSet<>();
                for (int i = before; i < callee.receivedCount(); i++) {
                    WampMessage message = callee.receivedAt(i);
                    if (message instanceof Invocation invocation) {
                        invoked.add(invocation.request());
                    }
                    else if (message instanceof Interrupt interrupt) {
                        assertThat(interrupted.add(interrupt.request())).isTrue();
                    }
                }
                Set<Long> notInterrupted = new HashSet<>(invoked);
                notInterrupted.removeAll(interrupted);
                assertThat(notInterrupted).as("%s: invocations never interrupted", name).isEmpty();
                assertThat(invoked).as("%s: interrupts of invocations", name).containsAll(interrupted);
            });
        }
    }

    /** Answers every INVOCATION the callee gets with its own arguments, until told to stop and all is answered. */
    private static void answer(TestPeer callee, AtomicBoolean running) {
        int index = 0;
        while (running.get() || index < callee.receivedCount()) {
            if (index < callee.receivedCount()) {
                if (callee.receivedAt(index++) instanceof Invocation invocation) {
                    callee.send(new Yield(invocation.request(), Map.of(), invocation.payload()));
                }
            }
            else {
                LockSupport.parkNanos(50_000);
            }
        }
    }
}
