package io.wampspring.spring.it;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.wampspring.router.client.WampException;
import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.binding.WampProgress;
import io.wampspring.spring.core.WampResult;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Procedures answering with values outside the router's value model (atomics, BigDecimal, enums, int arrays, maps
 * with other keys), which the converter must turn into model values on every path (returned, asynchronous,
 * progressive, streamed, in an error), and with values nothing can convert or serialize.
 */
@Component
public class ValueEndpoints {

    enum Level { LOW, HIGH }

    /** A bean Jackson cannot write: its only property throws. */
    public static final class Unwritable {
        public String getValue() {
            throw new IllegalStateException("this value cannot be read");
        }
    }

    @WampProcedure("com.test.values.atomic")
    public AtomicLong atomic(long value) {
        return new AtomicLong(value);
    }

    @WampProcedure("com.test.values.mixed")
    public WampResult mixed() {
        return WampResult.of(List.of(new AtomicInteger(7), new BigDecimal("2.5"), Level.HIGH, new int[] {1, 2}),
                Map.of("count", new AtomicLong(3), "by_key", Map.of(1, "one")));
    }

    @WampProcedure("com.test.values.atomic.async")
    public CompletableFuture<AtomicLong> atomicAsync(long value) {
        return CompletableFuture.supplyAsync(() -> new AtomicLong(value),
                CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
    }

    @WampProcedure("com.test.values.atomic.progress")
    public AtomicLong atomicProgress(long value, WampProgress<AtomicLong> progress) {
        progress.send(new AtomicLong(value - 1));
        return new AtomicLong(value);
    }

    @WampProcedure("com.test.values.atomic.flux")
    public Flux<AtomicLong> atomicFlux(long value) {
        return Flux.just(new AtomicLong(value - 1), new AtomicLong(value)).publishOn(Schedulers.boundedElastic());
    }

    @WampProcedure("com.test.values.atomic.error")
    public String atomicError(long value) {
        throw new WampException("com.test.error.counted", List.of(new AtomicLong(value)),
                Map.of("count", new AtomicLong(value + 1)));
    }

    @WampProcedure("com.test.values.big")
    public BigInteger big() {
        return BigInteger.TWO.pow(70);
    }

    @WampProcedure("com.test.values.unwritable")
    public Unwritable unwritable() {
        return new Unwritable();
    }

    @WampProcedure("com.test.values.unwritable.async")
    public CompletableFuture<Unwritable> unwritableAsync() {
        return CompletableFuture.supplyAsync(Unwritable::new,
                CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS));
    }

    /** An unwritable item followed by a writable one, on another thread: the first becomes a progressive result. */
    @WampProcedure("com.test.values.unwritable.flux")
    public Flux<Object> unwritableFlux() {
        return Flux.<Object>just(new Unwritable(), "last").publishOn(Schedulers.boundedElastic());
    }
}
