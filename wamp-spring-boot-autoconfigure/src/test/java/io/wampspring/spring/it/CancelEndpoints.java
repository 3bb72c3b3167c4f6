package io.wampspring.spring.it;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampCallContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Procedures that run until canceled: one that blocks its thread on a latch, one that returns a future nobody
 * completes, one that streams forever. Each call names a token; the {@link Probe} of that token shows the test what
 * the method saw.
 */
@Component
public class CancelEndpoints {

    /** What a method saw for one token. */
    static final class Probe {
        /** The call's context, once the method runs. */
        final CompletableFuture<WampCallContext> entered = new CompletableFuture<>();
        /** Lets the blocking method return normally. */
        final CountDownLatch release = new CountDownLatch(1);
        /** The cancel mode the blocking method's context had when its thread was interrupted. */
        final CompletableFuture<String> interrupted = new CompletableFuture<>();
        /** What the blocking method returned. */
        final CompletableFuture<String> returned = new CompletableFuture<>();
        /** The future the future-returning method returned. */
        final CompletableFuture<String> future = new CompletableFuture<>();
        /** Completes when the streaming method's subscription is cancelled. */
        final CompletableFuture<Void> streamCancelled = new CompletableFuture<>();
    }

    private final Map<String, Probe> probes = new ConcurrentHashMap<>();

    Probe probe(String token) {
        return probes.computeIfAbsent(token, key -> new Probe());
    }

    /** Blocks on a latch until released (then answers "released TOKEN") or interrupted. */
    @WampProcedure("com.test.cancel.blocking")
    public String blocking(String token, WampCallContext call) throws InterruptedException {
        Probe probe = probe(token);
        probe.entered.complete(call);
        try {
            String answer = probe.release.await(60, TimeUnit.SECONDS) ? "released " + token : "gave up " + token;
            probe.returned.complete(answer);
            return answer;
        }
        catch (InterruptedException ex) {
            probe.interrupted.complete(call.isCanceled() ? call.control().cancelMode() : "not canceled");
            throw ex;
        }
    }

    /** Returns the probe's future, which only the test (or a cancellation) completes. */
    @WampProcedure("com.test.cancel.future")
    public CompletableFuture<String> future(String token, WampCallContext call) {
        Probe probe = probe(token);
        probe.entered.complete(call);
        return probe.future;
    }

    /** "a", "b", then nothing ever: the caller sees "a" as progress, "b" is held back as the possible last item. */
    @WampProcedure("com.test.cancel.stream")
    public Flux<String> stream(String token, WampCallContext call) {
        Probe probe = probe(token);
        return Flux.just("a", "b").concatWith(Flux.never())
                .doOnSubscribe(subscription -> probe.entered.complete(call))
                .doOnCancel(() -> probe.streamCancelled.complete(null));
    }
}
