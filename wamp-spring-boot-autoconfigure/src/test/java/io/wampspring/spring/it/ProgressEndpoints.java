package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wampspring.router.client.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampProgress;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Procedures that stream progressive results: through {@link WampProgress}, a Flux, a Mono, a Flow.Publisher. */
@Component
public class ProgressEndpoints {

    /** Sends 1..n as progress, then answers whether anyone listened. */
    @WampProcedure("com.test.progress.count")
    public Map<String, Object> count(int n, WampProgress<Integer> progress) {
        int sent = 0;
        for (int i = 1; i <= n; i++) {
            if (progress.send(i)) {
                sent++;
            }
        }
        return Map.of("done", n, "requested", progress.isRequested(), "sent", sent);
    }

    /** "item 1" .. "item n", emitted on another thread. */
    @WampProcedure("com.test.progress.flux")
    public Flux<String> flux(int n) {
        return Flux.range(1, n).map(i -> "item " + i).publishOn(Schedulers.boundedElastic());
    }

    @WampProcedure("com.test.progress.mono")
    public Mono<String> mono(String text) {
        return Mono.just(text.toUpperCase()).publishOn(Schedulers.boundedElastic());
    }

    @WampProcedure("com.test.progress.empty")
    public Flux<String> empty() {
        return Flux.empty();
    }

    /** "a", "b", then an error: a WampException for "wamp", anything else for other kinds. */
    @WampProcedure("com.test.progress.failing")
    public Flux<String> failing(String kind) {
        RuntimeException failure = kind.equals("wamp")
                ? new WampException("com.test.error.stream_broken", List.of("at", 2), Map.of("kind", kind))
                : new IllegalStateException("the stream broke");
        return Flux.just("a", "b").concatWith(Flux.error(failure)).publishOn(Schedulers.boundedElastic());
    }

    /** 10, 20, .. 10n through a plain {@link Flow.Publisher} (no Reactor). */
    @WampProcedure("com.test.progress.publisher")
    public Flow.Publisher<Integer> publisher(int n) {
        return new Counting(n);
    }

    /** Emits 10, 20, .. 10n as demanded, then completes; stops when cancelled. */
    static final class Counting implements Flow.Publisher<Integer> {

        private final int n;

        Counting(int n) {
            this.n = n;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Integer> subscriber) {
            AtomicBoolean cancelled = new AtomicBoolean();
            subscriber.onSubscribe(new Flow.Subscription() {
                private int next = 1;
                private long demand;
                private boolean emitting;

                @Override
                public synchronized void request(long count) {
                    demand = demand + count < 0 ? Long.MAX_VALUE : demand + count;
                    if (emitting) {
                        return;
                    }
                    emitting = true;
                    while (demand > 0 && next <= n && !cancelled.get()) {
                        demand--;
                        subscriber.onNext(10 * next++);
                    }
                    if (next > n && !cancelled.getAndSet(true)) {
                        subscriber.onComplete();
                    }
                    emitting = false;
                }

                @Override
                public void cancel() {
                    cancelled.set(true);
                }
            });
        }
    }
}
