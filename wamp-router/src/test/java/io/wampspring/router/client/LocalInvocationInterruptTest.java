package io.wampspring.router.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A canceled invocation interrupts its handler, even one that only gets a thread after the INTERRUPT came. */
class LocalInvocationInterruptTest {

    private static final AuthIdentity IDENTITY = new AuthIdentity("backend", "trusted", "local", "test");

    private final WampRouter router = new WampRouter(RouterConfig.defaults(),
            List.of(RealmConfig.anonymous("realm1")));
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    /** The callee's executor: every handler waits here until the test gives it a thread. */
    private final BlockingQueue<Runnable> waitingForAThread = new LinkedBlockingQueue<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        router.shutdown(Duration.ZERO);
        threads.shutdownNow();
        assertThat(threads.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /**
     * Regression: the INTERRUPT set the invocation's cancel mode but found no thread to interrupt, and the handler,
     * started later, blocked undisturbed (until it gave up by itself) although its call was over.
     */
    @Test
    void aHandlerThatStartsAfterItsInvocationWasCanceledStartsInterrupted() throws Exception {
        LocalSession callee = new LocalSession(router, "realm1", IDENTITY, waitingForAThread::add);
        LocalSession caller = new LocalSession(router, "realm1", IDENTITY, threads);
        CompletableFuture<String> outcome = new CompletableFuture<>();
        callee.register("com.example.block", Map.of(), invocation -> {
            try {
                boolean released = new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                outcome.complete(released ? "released" : "blocked until it gave up");
            }
            catch (InterruptedException ex) {
                outcome.complete("interrupted, canceled with " + invocation.cancelMode());
                throw ex;
            }
            return CompletableFuture.completedFuture(Payload.EMPTY);
        }).get(10, TimeUnit.SECONDS);

        CompletableFuture<Result> call = caller.call("com.example.block", Map.of(), Payload.EMPTY, null, "killnowait");
        Runnable handler = waitingForAThread.poll(10, TimeUnit.SECONDS);
        assertThat(handler).as("the invocation reached the callee").isNotNull();
        // CANCEL, and so the INTERRUPT, while the handler has no thread yet
        call.cancel(false);
        threads.execute(handler);

        assertThat(outcome.get(10, TimeUnit.SECONDS)).isEqualTo("interrupted, canceled with killnowait");
    }
}
