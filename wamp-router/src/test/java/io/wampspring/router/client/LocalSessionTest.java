package io.wampspring.router.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.TestPeer;
import io.wampspring.router.UriCheck;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Yield;
import io.wampspring.router.transport.SlowConsumerPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalSessionTest {

    private static final AuthIdentity IDENTITY = new AuthIdentity("backend", "trusted", "local", "test");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    /** A long close timeout: nothing here may rely on the router giving up on a session. */
    private final WampRouter router = new WampRouter(new RouterConfig(UriCheck.LOOSE,
            RouterConfig.DEFAULT_SEND_BUFFER_BYTES, SlowConsumerPolicy.DISCONNECT, Duration.ofSeconds(60)),
            List.of(RealmConfig.anonymous("realm1")));

    @AfterEach
    void tearDown() throws InterruptedException {
        router.shutdown(Duration.ZERO);
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private LocalSession session() {
        return new LocalSession(router, "realm1", IDENTITY, executor);
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aLocalSessionJoinsWithTheGivenIdentity() {
        LocalSession session = session();
        assertThat(session.isOpen()).isTrue();
        assertThat(router.realm("realm1").session(session.sessionId()).identity()).isEqualTo(IDENTITY);
        assertThat(router.stats().sessionsOpened()).isEqualTo(1);
    }

    @Test
    void registerAndCallBetweenLocalSessions() throws Exception {
        LocalSession callee = session();
        LocalSession caller = session();
        long registration = get(callee.register("com.example.add", Map.of(), invocation -> {
            long sum = invocation.payload().args().stream().mapToLong(arg -> (Long) arg).sum();
            return CompletableFuture.completedFuture(Payload.of(List.of(sum), Map.of("count",
                    (long) invocation.payload().args().size())));
        }));
        assertThat(router.realm("realm1").dealer().registration(registration).uri()).isEqualTo("com.example.add");

        Result result = get(caller.call("com.example.add", Map.of(), Payload.ofArgs(2L, 3L, 4L)));

        assertThat(result.payload().args()).containsExactly(9L);
        assertThat(result.payload().kwargs()).isEqualTo(Map.of("count", 3L));
    }

    @Test
    void manyConcurrentCallsAllComplete() throws Exception {
        LocalSession callee = session();
        LocalSession caller = session();
        get(callee.register("com.example.echo", Map.of(),
                invocation -> CompletableFuture.supplyAsync(() -> invocation.payload(), executor)));

        List<CompletableFuture<Result>> calls = new ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            calls.add(caller.call("com.example.echo", Map.of(), Payload.ofArgs(i)));
        }

        for (int i = 0; i < calls.size(); i++) {
            assertThat(get(calls.get(i)).payload().args()).containsExactly((long) i);
        }
    }

    @Test
    void aRemoteSessionCallsALocalProcedure() throws Exception {
        LocalSession callee = session();
        get(callee.register("com.example.greet", Map.of(),
                invocation -> CompletableFuture.completedFuture(Payload.ofArgs("hello " + invocation.payload().args().get(0)))));
        TestPeer remote = TestPeer.joined(router, "realm1");

        remote.send(new Call(77L, Map.of(), "com.example.greet", Payload.ofArgs("remote")));

        Result result = remote.next(Result.class);
        assertThat(result.request()).isEqualTo(77L);
        assertThat(result.payload().args()).containsExactly("hello remote");
    }

    @Test
    void aLocalSessionCallsARemoteProcedure() throws Exception {
        TestPeer remote = TestPeer.joined(router, "realm1");
        remote.register("com.example.remote");
        LocalSession caller = session();

        CompletableFuture<Result> call = caller.call("com.example.remote", Map.of(), Payload.ofArgs(20L));
        Invocation invocation = remote.next(Invocation.class);
        assertThat(invocation.payload().args()).containsExactly(20L);
        remote.send(new Yield(invocation.request(), Map.of(), Payload.ofArgs(21L)));

        assertThat(get(call).payload().args()).containsExactly(21L);
    }

    @Test
    void aWampExceptionFromAHandlerReachesALocalCallerUnchanged() throws Exception {
        LocalSession callee = session();
        LocalSession caller = session();
        get(callee.register("com.example.fail", Map.of(), invocation -> {
            throw new WampException("com.example.error.invalid_order", List.of("order 7 is invalid", 7L),
                    Map.of("field", "quantity", "max", 10L));
        }));

        CompletableFuture<Result> call = caller.call("com.example.fail", Map.of(), Payload.EMPTY);

        assertThatThrownBy(() -> get(call)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(WampException.class, error -> {
                    assertThat(error.uri()).isEqualTo("com.example.error.invalid_order");
                    assertThat(error.args()).containsExactly("order 7 is invalid", 7L);
                    assertThat(error.kwargs()).isEqualTo(Map.of("field", "quantity", "max", 10L));
                    assertThat(error.getMessage()).contains("com.example.error.invalid_order", "order 7 is invalid");
                });
    }

    @Test
    void aFailedStageWithAWampExceptionIsPassedOnToo() throws Exception {
        LocalSession callee = session();
        LocalSession caller = session();
        get(callee.register("com.example.fail", Map.of(), invocation -> CompletableFuture.supplyAsync(() -> {
            throw new WampException("com.example.error.async", List.of("later"), Map.of());
        }, executor)));

        assertThatThrownBy(() -> get(caller.call("com.example.fail", Map.of(), Payload.EMPTY)))
                .cause().isInstanceOfSatisfying(WampException.class, error -> {
                    assertThat(error.uri()).isEqualTo("com.example.error.async");
                    assertThat(error.args()).containsExactly("later");
                    assertThat(error.kwargs()).isEmpty();
                });
    }

    @Test
    void aWampExceptionFromAHandlerReachesARemoteCallerUnchanged() throws Exception {
        LocalSession callee = session();
        get(callee.register("com.example.fail", Map.of(), invocation -> {
            throw new WampException("com.example.error.denied", List.of("no", 1L), Map.of("why", "because"));
        }));
        TestPeer remote = TestPeer.joined(router, "realm1");

        remote.send(new Call(5L, Map.of(), "com.example.fail", Payload.EMPTY));

        ErrorMessage error = remote.nextError(MessageType.CALL, 5L, "com.example.error.denied");
        assertThat(error.payload().args()).containsExactly("no", 1L);
        assertThat(error.payload().kwargs()).isEqualTo(Map.of("why", "because"));
    }

    @Test
    void anyOtherExceptionFromAHandlerBecomesRuntimeError() throws Exception {
        LocalSession callee = session();
        LocalSession caller = session();
        get(callee.register("com.example.broken", Map.of(), invocation -> {
            throw new IllegalStateException("database down");
        }));

        assertThatThrownBy(() -> get(caller.call("com.example.broken", Map.of(), Payload.EMPTY)))
                .cause().isInstanceOfSatisfying(WampException.class, error -> {
                    assertThat(error.uri()).isEqualTo(WampUris.RUNTIME_ERROR);
                    assertThat(error.args()).containsExactly("database down");
                });
    }

    @Test
    void routerErrorsFailTheFutureWithTheirUri() throws Exception {
        LocalSession session = session();

        assertThatThrownBy(() -> get(session.call("com.example.missing", Map.of(), Payload.EMPTY)))
                .cause().isInstanceOfSatisfying(WampException.class,
                        error -> assertThat(error.uri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE));
        get(session.register("com.example.taken", Map.of(), invocation -> CompletableFuture.completedFuture(Payload.EMPTY)));
        assertThatThrownBy(() -> get(session().register("com.example.taken", Map.of(),
                invocation -> CompletableFuture.completedFuture(Payload.EMPTY))))
                .cause().isInstanceOfSatisfying(WampException.class,
                        error -> assertThat(error.uri()).isEqualTo(WampUris.PROCEDURE_ALREADY_EXISTS));
        assertThatThrownBy(() -> get(session.publish("wamp.reserved", Map.of("acknowledge", true), Payload.EMPTY)))
                .cause().isInstanceOfSatisfying(WampException.class,
                        error -> assertThat(error.uri()).isEqualTo(WampUris.INVALID_URI));
    }

    @Test
    void unregisterEndsTheProcedure() throws Exception {
        LocalSession callee = session();
        long registration = get(callee.register("com.example.proc", Map.of(),
                invocation -> CompletableFuture.completedFuture(Payload.EMPTY)));

        get(callee.unregister(registration));

        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
        assertThatThrownBy(() -> get(session().call("com.example.proc", Map.of(), Payload.EMPTY)))
                .cause().isInstanceOfSatisfying(WampException.class,
                        error -> assertThat(error.uri()).isEqualTo(WampUris.NO_SUCH_PROCEDURE));
    }

    @Test
    void tenThousandEventsReachOneHandlerInOrder() throws Exception {
        LocalSession subscriber = session();
        LocalSession publisher = session();
        List<Long> received = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlapping = new AtomicInteger();
        get(subscriber.subscribe("com.example.counter", Map.of(), event -> {
            if (running.incrementAndGet() > 1) {
                overlapping.incrementAndGet();
            }
            received.add((Long) event.payload().args().get(0));
            running.decrementAndGet();
        }));

        for (long i = 0; i < 10_000; i++) {
            assertThat(get(publisher.publish("com.example.counter", Map.of(), Payload.ofArgs(i)))).isNull();
        }

        await().atMost(TIMEOUT).until(() -> received.size() == 10_000);
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < 10_000; i++) {
            expected.add(i);
        }
        assertThat(received).isEqualTo(expected);
        assertThat(overlapping.get()).as("handler invocations that overlapped").isZero();
        assertThat(subscriber.droppedEvents()).isZero();
    }

    @Test
    void eachHandlerOfATopicGetsEveryEventInOrder() throws Exception {
        LocalSession subscriber = session();
        LocalSession publisher = session();
        List<Long> first = Collections.synchronizedList(new ArrayList<>());
        List<Long> second = Collections.synchronizedList(new ArrayList<>());
        LocalSubscription a = get(subscriber.subscribe("com.example.topic", Map.of(),
                event -> first.add((Long) event.payload().args().get(0))));
        LocalSubscription b = get(subscriber.subscribe("com.example.topic", Map.of(),
                event -> second.add((Long) event.payload().args().get(0))));
        assertThat(a.id()).isEqualTo(b.id());

        for (long i = 0; i < 1000; i++) {
            publisher.publish("com.example.topic", Map.of(), Payload.ofArgs(i));
        }

        await().atMost(TIMEOUT).until(() -> first.size() == 1000 && second.size() == 1000);
        assertThat(first).isSorted().doesNotHaveDuplicates();
        assertThat(second).isEqualTo(first);

        // removing one handler keeps the router's subscription for the other
        get(a.unsubscribe());
        assertThat(router.realm("realm1").broker().subscription(b.id())).isNotNull();
        publisher.publish("com.example.topic", Map.of(), Payload.ofArgs(1000L));
        await().atMost(TIMEOUT).until(() -> second.size() == 1001);
        assertThat(first).hasSize(1000);

        get(b.unsubscribe());
        assertThat(router.realm("realm1").broker().subscriptions()).isEmpty();
    }

    @Test
    void publishWithAcknowledgeCompletesWithThePublicationId() throws Exception {
        LocalSession subscriber = session();
        LocalSession publisher = session();
        CompletableFuture<Event> received = new CompletableFuture<>();
        get(subscriber.subscribe("com.example.topic", Map.of(), received::complete));

        Long publication = get(publisher.publish("com.example.topic", Map.of("acknowledge", true),
                Payload.of(List.of("a"), Map.of("b", 1L))));

        Event event = get(received);
        assertThat(publication).isNotNull().isEqualTo(event.publication());
        assertThat(event.payload().args()).containsExactly("a");
        assertThat(event.payload().kwargs()).isEqualTo(Map.of("b", 1L));
    }

    @Test
    void eventsCrossBetweenLocalAndRemoteSessions() throws Exception {
        LocalSession local = session();
        CompletableFuture<Event> fromRemote = new CompletableFuture<>();
        get(local.subscribe("com.example.from_remote", Map.of(), fromRemote::complete));
        TestPeer remote = TestPeer.joined(router, "realm1");
        long subscription = remote.subscribe("com.example.from_local");

        remote.send(new Publish(1L, Map.of(), "com.example.from_remote", Payload.ofArgs("to local")));
        local.publish("com.example.from_local", Map.of(), Payload.ofArgs("to remote"));

        assertThat(get(fromRemote).payload().args()).containsExactly("to local");
        Event event = remote.next(Event.class);
        assertThat(event.subscription()).isEqualTo(subscription);
        assertThat(event.payload().args()).containsExactly("to remote");
    }

    @Test
    void aLocalPublisherIsExcludedFromItsOwnEventsByDefault() throws Exception {
        LocalSession session = session();
        List<Event> received = Collections.synchronizedList(new ArrayList<>());
        get(session.subscribe("com.example.topic", Map.of(), received::add));

        get(session.publish("com.example.topic", Map.of("acknowledge", true), Payload.ofArgs("excluded")));
        get(session.publish("com.example.topic", Map.of("acknowledge", true, "exclude_me", false),
                Payload.ofArgs("included")));

        await().atMost(TIMEOUT).until(() -> !received.isEmpty());
        assertThat(received).singleElement()
                .satisfies(event -> assertThat(event.payload().args()).containsExactly("included"));
    }

    @Test
    void closeLeavesTheRealmAndFailsLaterRequests() throws Exception {
        LocalSession session = session();
        get(session.register("com.example.proc", Map.of(), invocation -> CompletableFuture.completedFuture(Payload.EMPTY)));
        get(session.subscribe("com.example.topic", Map.of(), event -> { }));

        session.close();

        assertThat(session.isOpen()).isFalse();
        assertThat(router.realm("realm1").sessions()).isEmpty();
        assertThat(router.realm("realm1").dealer().registrations()).isEmpty();
        assertThat(router.realm("realm1").broker().subscriptions()).isEmpty();
        assertThatThrownBy(() -> get(session.call("com.example.proc", Map.of(), Payload.EMPTY)))
                .cause().isInstanceOf(WampException.class);
        assertThatThrownBy(() -> get(session.publish("com.example.topic", Map.of(), Payload.EMPTY)))
                .cause().isInstanceOf(WampException.class);
        session.close();
    }

    @Test
    void aCallPendingOnALocalCalleeThatClosesIsCanceled() throws Exception {
        LocalSession callee = session();
        CompletableFuture<Payload> never = new CompletableFuture<>();
        get(callee.register("com.example.slow", Map.of(), invocation -> never));
        TestPeer remote = TestPeer.joined(router, "realm1");
        remote.send(new Call(3L, Map.of(), "com.example.slow", Payload.EMPTY));
        await().atMost(TIMEOUT).until(() -> router.realm("realm1").dealer().registrations().size() == 1);

        callee.close();

        remote.nextError(MessageType.CALL, 3L, WampUris.CANCELED);
        never.complete(Payload.ofArgs("too late"));
        remote.expectNothingMore();
    }

    @Test
    void routerShutdownClosesLocalSessionsPromptly() throws Exception {
        LocalSession session = session();
        get(session.register("com.example.proc", Map.of(), invocation -> CompletableFuture.completedFuture(Payload.EMPTY)));

        CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> router.shutdown(Duration.ofSeconds(60)));

        // a local session answers the router's GOODBYE, so shutdown need not wait out its timeout
        shutdown.get(10, TimeUnit.SECONDS);
        assertThat(session.isOpen()).isFalse();
        assertThat(router.realm("realm1").session(session.sessionId())).isNull();
        assertThatThrownBy(() -> get(session.call("com.example.proc", Map.of(), Payload.EMPTY)))
                .cause().isInstanceOf(WampException.class);
    }

    @Test
    void joiningAnUnknownRealmFails() {
        assertThatThrownBy(() -> new LocalSession(router, "nowhere", IDENTITY, executor))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
