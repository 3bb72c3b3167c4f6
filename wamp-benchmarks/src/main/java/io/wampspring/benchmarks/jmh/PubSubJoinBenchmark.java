package io.wampspring.benchmarks.jmh;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.RouterSession;
import io.wampspring.router.Subscription;
import io.wampspring.router.WampRouter;
import io.wampspring.router.message.Subscribe;
import io.wampspring.router.message.Subscribed;
import io.wampspring.router.message.Unsubscribe;
import io.wampspring.router.message.Unsubscribed;
import io.wampspring.router.message.WampMessage;
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
 * A dashboard topic with {@code members} subscriber sessions takes one more, and lets it go: one session's SUBSCRIBE
 * (to SUBSCRIBED) and UNSUBSCRIBE (to UNSUBSCRIBED) of {@code com.shop.dashboard} through the router's broker, with
 * {@code members} other sessions subscribed to it all along. With 0 members the SUBSCRIBE creates the subscription and
 * the UNSUBSCRIBE removes it; with 1 or more it only joins and leaves. The figure to read is 10,000 against 1 (and 0):
 * a member set copied on each join would grow with the members, ours should not. Public router API only, as
 * {@link PubSubPublishBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PubSubJoinBenchmark {

    static final String REALM = "realm1";
    static final String TOPIC = "com.shop.dashboard";

    @Param({"0", "1", "10000"})
    int members;

    private WampRouter router;
    private RouterSession joiner;
    private SinkConnection joinerConnection;
    private long requests;

    @Setup
    public void setUp() {
        router = new WampRouter(RouterConfig.defaults(), List.of(RealmConfig.anonymous(REALM)));
        for (int i = 0; i < members; i++) {
            RouterSession member = SinkConnection.join(router, REALM);
            member.handle(new Subscribe(1, Map.of(), TOPIC));
            if (!(SinkConnection.of(member).last() instanceof Subscribed)) {
                throw new IllegalStateException("SUBSCRIBE answered with " + SinkConnection.of(member).last());
            }
        }
        joiner = SinkConnection.join(router, REALM);
        joinerConnection = SinkConnection.of(joiner);
        long subscription = joinAndLeave();
        int count = members == 0 ? 0 : subscribers(subscription);
        if (count != members) {
            throw new IllegalStateException(count + " members after join and leave, expected " + members);
        }
    }

    @TearDown
    public void tearDown() {
        router.shutdown(Duration.ZERO);
    }

    @Benchmark
    public long joinAndLeave() {
        joiner.handle(new Subscribe(++requests, Map.of(), TOPIC));
        WampMessage reply = joinerConnection.last();
        if (!(reply instanceof Subscribed subscribed)) {
            throw new IllegalStateException("SUBSCRIBE answered with " + reply);
        }
        joiner.handle(new Unsubscribe(++requests, subscribed.subscription()));
        if (!(joinerConnection.last() instanceof Unsubscribed)) {
            throw new IllegalStateException("UNSUBSCRIBE answered with " + joinerConnection.last());
        }
        return subscribed.subscription();
    }

    private int subscribers(long subscription) {
        Subscription found = router.realm(REALM).broker().subscription(subscription);
        return found == null ? 0 : found.subscriberCount();
    }
}
