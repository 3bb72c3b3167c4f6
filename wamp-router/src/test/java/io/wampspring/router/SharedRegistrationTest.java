package io.wampspring.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.Yield;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.wampspring.router.RpcTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Shared registration: who may join a registration, and which callee each invocation policy picks. */
class SharedRegistrationTest {

    private static final String PROC = "com.example.shared";

    private final WampRouter router = RpcTesting.router();
    private final TestPeer caller = RpcTesting.advanced(router);
    private long request;

    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();

    @AfterEach
    void shutdown() {
        threads.shutdownNow();
        router.shutdown(Duration.ZERO);
    }

    @Test
    void singleIsTheDefaultAndRefusesASecondCallee() {
        TestPeer first = RpcTesting.advanced(router);
        long registration = first.register(PROC);
        TestPeer second = RpcTesting.advanced(router);

        second.send(new Register(1L, options("invoke", "single"), PROC));
        second.nextError(MessageType.REGISTER, 1L, WampUris.PROCEDURE_ALREADY_EXISTS);
        second.send(new Register(2L, options("invoke", "roundrobin"), PROC));
        second.nextError(MessageType.REGISTER, 2L, WampUris.PROCEDURE_ALREADY_EXISTS);

        assertThat(RpcTesting.dealer(router).registration(registration).invoke()).isEqualTo(InvokePolicy.SINGLE);
        assertThat(RpcTesting.dealer(router).registration(registration).calleeCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"roundrobin", "random", "first", "last"})
    void calleesWithTheSamePolicyShareOneRegistration(String policy) {
        TestPeer first = RpcTesting.advanced(router);
        TestPeer second = RpcTesting.advanced(router);
        long registration = first.register(PROC, options("invoke", policy));

        second.send(new Register(5L, options("invoke", policy), PROC));
        assertThat(second.next(Registered.class).registration()).isEqualTo(registration);
        // the same session cannot join twice
        second.send(new Register(6L, options("invoke", policy), PROC));
        second.nextError(MessageType.REGISTER, 6L, WampUris.PROCEDURE_ALREADY_EXISTS);
        // nor anyone with another policy, single included
        TestPeer third = RpcTesting.advanced(router);
        for (String other : List.of("single", "roundrobin", "random", "first", "last")) {
            if (!other.equals(policy)) {
                long refused = third.nextRequest();
                third.send(new Register(refused, options("invoke", other), PROC));
                third.nextError(MessageType.REGISTER, refused,
                        WampUris.PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY);
            }
        }
        Registration shared = RpcTesting.dealer(router).registration(registration);
        assertThat(shared.invoke().wireName()).isEqualTo(policy);
        assertThat(shared.callees()).extracting(Callee::sessionId).containsExactly(first.sessionId,
                second.sessionId);
    }

    @Test
    void roundrobinLoopsInRegistrationOrderAndContinuesOverTheRestWhenOneLeaves() {
        List<TestPeer> callees = callees("roundrobin", 3);

        assertThat(servedBy(callees, 6)).containsExactly(0, 1, 2, 0, 1, 2);
        callees.get(1).disconnect();
        assertThat(servedBy(callees, 4)).containsExactly(0, 2, 0, 2);
        callees.get(2).send(new Unregister(99L, RpcTesting.dealer(router).match(PROC).id()));
        callees.get(2).next(Unregistered.class);
        assertThat(servedBy(callees, 2)).containsExactly(0, 0);
    }

    @Test
    void roundrobinTakesANewcomerInItsTurn() {
        List<TestPeer> callees = new ArrayList<>(callees("roundrobin", 2));
        assertThat(servedBy(callees, 1)).containsExactly(0);

        TestPeer late = RpcTesting.advanced(router);
        late.register(PROC, options("invoke", "roundrobin"));
        callees.add(late);
        assertThat(servedBy(callees, 4)).containsExactly(1, 2, 0, 1);
    }

    @Test
    void firstIsAHotStandByForTheEarliestCallee() {
        List<TestPeer> callees = callees("first", 3);

        assertThat(servedBy(callees, 3)).containsExactly(0, 0, 0);
        callees.get(0).disconnect();
        assertThat(servedBy(callees, 2)).containsExactly(1, 1);
        // a newcomer goes to the end of the line
        TestPeer late = RpcTesting.advanced(router);
        late.register(PROC, options("invoke", "first"));
        callees.get(1).disconnect();
        assertThat(servedBy(callees, 2)).containsExactly(2, 2);
    }

    @Test
    void lastGoesToTheLatestCallee() {
        List<TestPeer> callees = new ArrayList<>(callees("last", 3));

        assertThat(servedBy(callees, 3)).containsExactly(2, 2, 2);
        callees.get(2).disconnect();
        assertThat(servedBy(callees, 2)).containsExactly(1, 1);
        TestPeer late = RpcTesting.advanced(router);
        late.register(PROC, options("invoke", "last"));
        callees.add(late);
        assertThat(servedBy(callees, 2)).containsExactly(3, 3);
    }

    @Test
    void randomSpreadsOverTheCalleesThereAre() {
        List<TestPeer> callees = callees("random", 3);

        List<Integer> served = servedBy(callees, 90);
        assertThat(new HashSet<>(served)).containsExactlyInAnyOrder(0, 1, 2);
        callees.get(0).disconnect();
        assertThat(new HashSet<>(servedBy(callees, 40))).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void theRegistrationEndsWithItsLastCalleeAndThenTheUriIsFreeForAnyPolicy() {
        List<TestPeer> callees = callees("roundrobin", 2);
        long registration = RpcTesting.dealer(router).match(PROC).id();

        callees.get(0).send(new Unregister(10L, registration));
        callees.get(0).next(Unregistered.class);
        assertThat(RpcTesting.dealer(router).registration(registration).calleeCount()).isEqualTo(1);
        callees.get(1).disconnect();
        assertThat(RpcTesting.dealer(router).registration(registration)).isNull();
        caller.send(new Call(++request, Map.of(), PROC, Payload.EMPTY));
        caller.nextError(MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE);

        TestPeer next = RpcTesting.advanced(router);
        long fresh = next.register(PROC, options("invoke", "first"));
        assertThat(fresh).isNotEqualTo(registration);
        assertThat(RpcTesting.dealer(router).registration(fresh).invoke()).isEqualTo(InvokePolicy.FIRST);
    }

    @Test
    void aCalleeLeavingMidCallCancelsOnlyItsOwnCalls() {
        List<TestPeer> callees = callees("roundrobin", 2);
        caller.send(new Call(1L, Map.of(), PROC, Payload.ofArgs("one")));
        caller.send(new Call(2L, Map.of(), PROC, Payload.ofArgs("two")));
        callees.get(0).next(Invocation.class);
        Invocation second = callees.get(1).next(Invocation.class);

        callees.get(0).disconnect();
        caller.nextError(MessageType.CALL, 1L, WampUris.CANCELED);
        callees.get(1).send(new Yield(second.request(), Map.of(), Payload.ofArgs("two done")));
        Result result = caller.next(Result.class);
        assertThat(result.request()).isEqualTo(2L);
        assertThat(result.payload().args()).containsExactly("two done");
        // and the next calls find the one that stayed
        caller.send(new Call(3L, Map.of(), PROC, Payload.EMPTY));
        assertThat(callees.get(1).next(Invocation.class)).isNotNull();
    }

    /** A callee joining while calls pick at random is picked from then on, however the two interleave. */
    @Test
    void randomNeverKeepsAStaleViewOfItsCallees() throws Exception {
        for (int round = 0; round < 2_000; round++) {
            Registration registration = new Registration(round, PROC, MatchPolicy.EXACT, InvokePolicy.RANDOM);
            joined(registration, 1);
            AtomicBoolean picking = new AtomicBoolean(true);
            java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
            CompletableFuture<Void> picker = CompletableFuture.runAsync(() -> {
                while (picking.get()) {
                    registration.select();
                    started.countDown();
                }
            }, threads);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            for (long session = 2; session <= 8; session++) {
                joined(registration, session);
            }
            picking.set(false);
            picker.get(5, TimeUnit.SECONDS);

            Set<Long> picked = new HashSet<>();
            for (int i = 0; i < 400; i++) {
                picked.add(registration.select().sessionId());
            }
            assertThat(picked).as("round %d", round).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }

    /** Adds a callee as the dealer does once it has acknowledged it: active. */
    private static void joined(Registration registration, long sessionId) {
        registration.add(stubPeer(sessionId), false).activate();
    }

    private static WampPeer stubPeer(long sessionId) {
        return new WampPeer() {
            @Override
            public long sessionId() {
                return sessionId;
            }

            @Override
            public io.wampspring.router.auth.AuthIdentity identity() {
                return RpcTesting.LOCAL;
            }

            @Override
            public void send(io.wampspring.router.message.WampMessage message) {
            }

            @Override
            public void sendAfter(java.util.function.Supplier<io.wampspring.router.message.WampMessage> change) {
                change.get();
            }

            @Override
            public void sendAllAfter(java.util.function.Supplier<
                    java.util.List<io.wampspring.router.message.WampMessage>> change) {
                change.get();
            }

            @Override
            public boolean sendIf(java.util.function.BooleanSupplier condition,
                    io.wampspring.router.message.WampMessage message) {
                return condition.getAsBoolean();
            }

            @Override
            public boolean supports(String role, String feature) {
                return true;
            }

            @Override
            public long nextRequestId() {
                return 1;
            }
        };
    }

    /** {@code count} callees registered in order with one policy. */
    private List<TestPeer> callees(String policy, int count) {
        List<TestPeer> callees = new ArrayList<>();
        Set<Long> registrations = new HashSet<>();
        for (int i = 0; i < count; i++) {
            TestPeer callee = RpcTesting.advanced(router);
            registrations.add(callee.register(PROC, options("invoke", policy)));
            callees.add(callee);
        }
        assertThat(registrations).hasSize(1);
        return callees;
    }

    /** Makes {@code calls} calls one after another; the index of the callee that served each, which answers it. */
    private List<Integer> servedBy(List<TestPeer> callees, int calls) {
        List<Integer> served = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            long id = ++request;
            int[] counts = callees.stream().mapToInt(TestPeer::receivedCount).toArray();
            caller.send(new Call(id, Map.of(), PROC, Payload.ofArgs(id)));
            int index = -1;
            for (int c = 0; c < callees.size(); c++) {
                if (callees.get(c).receivedCount() > counts[c]) {
                    assertThat(index).as("only one callee invoked").isEqualTo(-1);
                    index = c;
                }
            }
            assertThat(index).as("call %d reached a callee", id).isNotNegative();
            Invocation invocation = callees.get(index).next(Invocation.class);
            assertThat(invocation.payload().args()).containsExactly(id);
            callees.get(index).send(new Yield(invocation.request(), Map.of(), Payload.ofArgs(index)));
            Result result = caller.next(Result.class);
            assertThat(result.request()).isEqualTo(id);
            served.add(index);
        }
        return served;
    }
}
