package io.wampspring.benchmarks.jmh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.message.Payload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
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
 * The cost of one publication to a topic of {@code subscribers} in-process subscribers, with no list, and with an
 * {@code exclude} or {@code eligible} list of 1,000 session ids (half of them subscribers, half unknown). The
 * black/whitelists become hash sets once per publication, so the lists should add the cost of building one set and
 * one lookup per subscriber, not a scan of the list per subscriber. Subscribers run their (empty) handler on the
 * publishing thread, so what is measured is the broker's fan-out. Sample mode, as the other PubSub benchmarks: read
 * the median of single publications (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SubscriberFilterBenchmark {

    private static final String TOPIC = "com.shop.dashboard";
    private static final int LIST_SIZE = 1_000;

    @Param({"10000"})
    int subscribers;

    @Param({"none", "exclude", "eligible"})
    String list;

    private WampRouter router;
    private final List<LocalSession> sessions = new ArrayList<>();
    private LocalSession publisher;
    private Map<String, Object> options;
    private final LongAdder delivered = new LongAdder();

    @Setup(Level.Trial)
    public void setUp() {
        router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous("realm1")));
        AuthIdentity identity = new AuthIdentity("bench", "subscriber", "local", "bench");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            // an inline executor: each handler runs on the publishing thread, nothing queues up
            LocalSession session = new LocalSession(router, "realm1", identity, Runnable::run);
            session.subscribe(TOPIC, Map.of(), event -> delivered.increment()).join();
            sessions.add(session);
            ids.add(session.sessionId());
        }
        publisher = new LocalSession(router, "realm1", identity, Runnable::run);
        List<Long> named = new ArrayList<>(ids.subList(0, LIST_SIZE / 2));
        for (long unknown = 1; named.size() < LIST_SIZE; unknown++) {
            named.add(unknown);
        }
        options = switch (list) {
            case "none" -> Map.of();
            case "exclude" -> Map.of("exclude", named);
            case "eligible" -> Map.of("eligible", named);
            default -> throw new IllegalArgumentException(list);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        sessions.forEach(LocalSession::close);
        publisher.close();
        router.shutdown(Duration.ZERO);
        if (delivered.sum() == 0) {
            throw new IllegalStateException("no event was delivered");
        }
    }

    @Benchmark
    public Object publish() {
        return publisher.publish(TOPIC, options, Payload.ofArgs(1L)).join();
    }
}
