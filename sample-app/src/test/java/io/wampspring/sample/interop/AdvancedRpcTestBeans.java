package io.wampspring.sample.interop;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.wampspring.spring.annotation.Invoke;
import io.wampspring.spring.annotation.Match;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampCallContext;
import io.wampspring.spring.binding.WampCaller;
import io.wampspring.spring.binding.WampProgress;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Flux;

/**
 * Annotated procedures for the advanced RPC interop tests: pattern and shared registrations, progressive results,
 * a blocking procedure to cancel or time out, and caller identification. Imported by {@link InteropTestBeans}, so
 * every interop test class shares one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
class AdvancedRpcTestBeans {

    static final String PREFIX = "test.adv.prefix";
    static final String WILDCARD = "test.adv.wild..status";
    static final String SHARED = "test.adv.shared";
    static final String COUNTDOWN = "test.adv.progress.countdown";
    static final String FLUX = "test.adv.progress.flux";
    static final String TICKER = "test.adv.progress.ticker";
    static final String PULSE = "test.adv.progress.pulse";
    static final String BLOCK = "test.adv.block";
    static final String WHOAMI = "test.adv.whoami";
    static final String WHOAMI_ALWAYS = "test.adv.whoami.always";

    @Bean
    AdvancedRpcEndpoints advancedRpcEndpoints() {
        return new AdvancedRpcEndpoints();
    }

    static class AdvancedRpcEndpoints {

        private final Map<String, BlockedCall> blocked = new ConcurrentHashMap<>();
        private final Map<String, Ticker> tickers = new ConcurrentHashMap<>();

        /** Any procedure under {@link #PREFIX}: answers the URI that was called, the pattern and the args. */
        @WampProcedure(value = PREFIX, match = Match.PREFIX)
        public Map<String, Object> prefix(WampCallContext call) {
            return Map.of("procedure", call.procedure(), "registered", call.registeredProcedure(), "args",
                    call.args());
        }

        /** {@code test.adv.wild.<anything>.status}: answers the URI that was called. */
        @WampProcedure(value = WILDCARD, match = Match.WILDCARD)
        public String wildcard(WampCallContext call) {
            return call.procedure();
        }

        /** One member of a round-robin shared registration that remote callees may join. */
        @WampProcedure(value = SHARED, invoke = Invoke.ROUNDROBIN)
        public String shared() {
            return "spring";
        }

        /** Sends from, from - 1, ..., 1 as progressive results, then answers "liftoff". */
        @WampProcedure(COUNTDOWN)
        public String countdown(int from, WampProgress<Integer> progress) {
            for (int i = from; i > 0; i--) {
                progress.send(i);
            }
            return "liftoff";
        }

        /** item-1 ... item-count: every item but the last is a progressive result, the last the final one. */
        @WampProcedure(FLUX)
        public Flux<String> flux(int count) {
            return Flux.range(1, count).map(i -> "item-" + i);
        }

        /** 0, 1, 2, ... every 5 ms as progressive results, without end: only a cancel (or timeout) stops it. */
        @WampProcedure(TICKER)
        public Flux<Long> ticker(String token) {
            Ticker ticker = tickers.computeIfAbsent(token, key -> new Ticker());
            return Flux.interval(Duration.ofMillis(5)).doOnNext(tick -> ticker.ticks.countDown())
                    .doOnCancel(() -> ticker.ended.complete("canceled"))
                    .doOnTerminate(() -> ticker.ended.complete("terminated"));
        }

        /**
         * Blocks, sending 0, 1, 2, ... through WampProgress every millisecond, until its thread is interrupted (a
         * cancel or a timeout); counts as a ticker for the tests.
         */
        @WampProcedure(PULSE)
        public String pulse(String token, WampProgress<Long> progress) throws InterruptedException {
            Ticker ticker = tickers.computeIfAbsent(token, key -> new Ticker());
            try {
                for (long pulse = 0; pulse < 30_000; pulse++) {
                    progress.send(pulse);
                    ticker.ticks.countDown();
                    // the procedure under test paces itself like a real sensor would; the tests wait on its latches
                    Thread.sleep(1);
                }
            }
            catch (InterruptedException ex) {
                ticker.ended.complete("interrupted");
                throw ex;
            }
            ticker.ended.complete("completed");
            return "done";
        }

        /**
         * Blocks until the test releases {@code token} (answers "released"), or until the call is canceled or times
         * out and the router's INTERRUPT interrupts the thread; what happened is kept for {@link #outcome}.
         */
        @WampProcedure(BLOCK)
        public String block(String token) throws InterruptedException {
            BlockedCall call = blocked.computeIfAbsent(token, key -> new BlockedCall());
            call.started.countDown();
            try {
                if (!call.release.await(30, TimeUnit.SECONDS)) {
                    call.outcome.complete("gave up");
                    return "gave up";
                }
            }
            catch (InterruptedException ex) {
                call.outcome.complete("interrupted");
                throw ex;
            }
            call.outcome.complete("completed");
            return "released " + token;
        }

        /** Who called, when the dealer disclosed it: {disclosed, session, authid, authrole}. */
        @WampProcedure(WHOAMI)
        public Map<String, Object> whoami(@Nullable WampCaller caller) {
            return describe(caller);
        }

        /** As {@link #whoami}, registered with {@code disclose_caller}: every caller is disclosed. */
        @WampProcedure(value = WHOAMI_ALWAYS, discloseCaller = true)
        public Map<String, Object> whoamiAlways(@Nullable WampCaller caller) {
            return describe(caller);
        }

        private static Map<String, Object> describe(@Nullable WampCaller caller) {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("disclosed", caller != null);
            if (caller != null) {
                described.put("session", caller.sessionId());
                described.put("authid", caller.authid());
                described.put("authrole", caller.authrole());
            }
            return described;
        }

        // --------------------------------------------------------------------------------------------------------
        // for the tests

        /** Waits until {@link #ticker} or {@link #pulse} for {@code token} has emitted {@link #TICKS} items. */
        void awaitTicks(String token, Duration timeout) throws InterruptedException {
            Ticker ticker = tickers.computeIfAbsent(token, key -> new Ticker());
            if (!ticker.ticks.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(TICKER + " did not tick " + TICKS + " times for " + token);
            }
        }

        /**
         * How the ticker or pulse ended ("canceled": the ticker's subscription was canceled; "interrupted": the
         * pulse's thread was), waiting for it to end.
         */
        String tickerEnd(String token, Duration timeout) throws InterruptedException, ExecutionException {
            try {
                return tickers.get(token).ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException ex) {
                throw new AssertionError(TICKER + " for " + token + " still ticks after " + timeout);
            }
        }

        /** Waits until {@link #block} runs for {@code token}. */
        void awaitBlocked(String token, Duration timeout) throws InterruptedException {
            BlockedCall call = blocked.computeIfAbsent(token, key -> new BlockedCall());
            if (!call.started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(BLOCK + " did not start for " + token + " within " + timeout);
            }
        }

        /** Lets {@link #block} for {@code token} return normally. */
        void release(String token) {
            blocked.computeIfAbsent(token, key -> new BlockedCall()).release.countDown();
        }

        /** Whether {@link #block} for {@code token} is still running. */
        boolean isBlocked(String token) {
            BlockedCall call = blocked.get(token);
            return call != null && call.started.getCount() == 0 && !call.outcome.isDone();
        }

        /** How {@link #block} for {@code token} ended ("interrupted", "completed"), waiting for it to end. */
        String outcome(String token, Duration timeout) throws InterruptedException, ExecutionException {
            BlockedCall call = blocked.get(token);
            if (call == null) {
                throw new AssertionError(BLOCK + " never ran for " + token);
            }
            try {
                return call.outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException ex) {
                throw new AssertionError(BLOCK + " for " + token + " still runs after " + timeout);
            }
        }
    }

    private static final class Ticker {
        final CountDownLatch ticks = new CountDownLatch(TICKS);
        final CompletableFuture<String> ended = new CompletableFuture<>();
    }

    /** Ticks the tests wait for before they cancel a ticker. */
    static final int TICKS = 5;

    private static final class BlockedCall {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CompletableFuture<String> outcome = new CompletableFuture<>();
    }
}
