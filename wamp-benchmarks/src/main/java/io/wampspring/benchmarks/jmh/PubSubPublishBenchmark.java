package io.wampspring.benchmarks.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RouterSession;
import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One PUBLISH through the router's broker, from the publisher session's {@code handle} to the EVENTs handed to the
 * subscribers' connections, with {@code subscriptions} subscriptions of a sensor dashboard ({@link SensorTopics})
 * spread over {@value #SUBSCRIBER_SESSIONS} in-process subscriber sessions; each published topic matches three
 * subscriptions (exact, prefix, wildcard), so three EVENTs per PUBLISH. Public router API only
 * ({@link WampRouter#joinLocal}, {@link RouterSession#handle}); the connections are {@link SinkConnection}s, so no
 * serialization or send buffer is measured: the broker's matching and fan-out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PubSubPublishBenchmark {

    static final String REALM = "realm1";
    static final int LOOKUPS = 1024;
    static final int SUBSCRIBER_SESSIONS = 10;

    @Param({"100", "100000"})
    int subscriptions;

    @Param({"1024"})
    int distinctTopics;

    private WampRouter router;
    private RouterSession publisher;
    private RouterSession[] subscribers;
    private Publish[] publishes;
    private int next;

    @Setup
    public void setUp() {
        router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous(REALM)));
        publisher = SinkConnection.join(router, REALM);
        subscribers = new RouterSession[SUBSCRIBER_SESSIONS];
        for (int s = 0; s < SUBSCRIBER_SESSIONS; s++) {
            subscribers[s] = SinkConnection.join(router, REALM);
        }
        for (int i = 0; i < subscriptions; i++) {
            RouterSession subscriber = subscribers[i % SUBSCRIBER_SESSIONS];
            Map<String, Object> options = switch (SensorTopics.policy(i)) {
                case EXACT -> Map.of();
                case PREFIX -> Map.of("match", "prefix");
                case WILDCARD -> Map.of("match", "wildcard");
            };
            subscriber.handle(new Subscribe(i + 1, options, SensorTopics.uri(i)));
            if (!(SinkConnection.of(subscriber).last() instanceof Subscribed)) {
                throw new IllegalStateException("SUBSCRIBE " + SensorTopics.uri(i) + " answered with "
                        + SinkConnection.of(subscriber).last());
            }
        }
        Payload payload = Payload.ofArgs(21.5, "celsius");
        String[] topics = SensorTopics.published(subscriptions, LOOKUPS, Math.min(distinctTopics, LOOKUPS), 42);
        publishes = new Publish[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            publishes[i] = new Publish(i + 1, Map.of(), topics[i], payload);
        }
        long before = events();
        for (Publish publish : publishes) {
            publisher.handle(publish);
        }
        long delivered = events() - before;
        if (delivered != (long) LOOKUPS * SensorTopics.MATCHES_PER_TOPIC) {
            throw new IllegalStateException(delivered + " events for " + LOOKUPS + " publications, expected "
                    + SensorTopics.MATCHES_PER_TOPIC + " each");
        }
    }

    @TearDown
    public void tearDown() {
        router.shutdown(Duration.ZERO);
    }

    @Benchmark
    public long publish() {
        next = (next + 1) & (LOOKUPS - 1);
        publisher.handle(publishes[next]);
        return next;
    }

    private long events() {
        long events = 0;
        for (RouterSession subscriber : subscribers) {
            events += SinkConnection.of(subscriber).received();
        }
        return events;
    }
}
