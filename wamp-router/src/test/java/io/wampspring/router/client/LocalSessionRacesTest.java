package io.wampspring.router.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RouterSession;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.message.Event;
import io.wampspring.router.message.Payload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Local sessions under concurrent use: subscription changes racing each other, joins racing a shutdown. */
class LocalSessionRacesTest {

    private static final AuthIdentity IDENTITY = new AuthIdentity("backend", "trusted", "local", "test");

    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<WampRouter> routers = new ArrayList<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        routers.forEach(router -> router.shutdown(Duration.ZERO));
        executor.shutdownNow();
        assertThat(executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private WampRouter router() {
        WampRouter router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));
        routers.add(router);
        return router;
    }

    @Test
    void aSubscribeRacingTheUnsubscribeOfTheLastHandlerStillGetsEvents() throws Exception {
        WampRouter router = router();
        LocalSession subscriber = new LocalSession(router, "realm1", IDENTITY, executor);
        LocalSession publisher = new LocalSession(router, "realm1", IDENTITY, executor);
        for (int round = 0; round < 300; round++) {
            String topic = "com.example.race." + round;
            LocalSubscription first = subscriber.subscribe(topic, Map.of(), event -> { }).get(5, TimeUnit.SECONDS);
            CompletableFuture<Event> received = new CompletableFuture<>();
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Void> unsubscribed = CompletableFuture.runAsync(() -> {
                await(start);
                first.unsubscribe().join();
            });
            CompletableFuture<LocalSubscription> second = CompletableFuture.supplyAsync(() -> {
                await(start);
                return subscriber.subscribe(topic, Map.of(), received::complete).join();
            });
            start.countDown();
            unsubscribed.get(5, TimeUnit.SECONDS);
            second.get(5, TimeUnit.SECONDS);

            publisher.publish(topic, Map.of(), Payload.ofArgs((long) round)).get(5, TimeUnit.SECONDS);

            assertThat(received.get(5, TimeUnit.SECONDS).payload().args()).containsExactly((long) round);
        }
    }

    @Test
    void aLocalSessionJoiningWhileTheRouterShutsDownIsClosedNotForgotten() throws Exception {
        for (int round = 0; round < 100; round++) {
            WampRouter router = router();
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<LocalSession> joined = new AtomicReference<>();
            CompletableFuture<Void> join = CompletableFuture.runAsync(() -> {
                await(start);
                try {
                    joined.set(new LocalSession(router, "realm1", IDENTITY, executor));
                }
                catch (IllegalStateException ex) {
                    // refused: the router had already shut down
                }
            });
            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> {
                await(start);
                router.shutdown(Duration.ofSeconds(5));
            });
            start.countDown();
            CompletableFuture.allOf(join, shutdown).get(10, TimeUnit.SECONDS);

            LocalSession session = joined.get();
            if (session != null) {
                assertThat(session.isOpen()).as("round %d", round).isFalse();
                assertThat(router.realm("realm1").sessions()).isEmpty();
            }
        }
    }

    @Test
    void requestsAfterTheRouterShutDownFailInsteadOfHanging() throws Exception {
        WampRouter router = router();
        LocalSession session = new LocalSession(router, "realm1", IDENTITY, executor);
        router.shutdown(Duration.ofSeconds(5));

        assertThat(session.call("com.example.any", Map.of(), Payload.EMPTY))
                .failsWithin(Duration.ofSeconds(5));
        assertThat(router.realm("realm1").sessions()).noneMatch(s -> s.state() == RouterSession.State.ESTABLISHED);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
