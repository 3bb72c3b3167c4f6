package io.wampspring.benchmarks.jmh;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.wampspring.router.match.UriTable;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The broker's question for one PUBLISH, {@link UriTable#forEachMatch}, on a table of {@code subscriptions} entries of
 * a sensor dashboard ({@link SensorTopics}: 60% exact, 20% prefix, 20% wildcard), for a topic that matches three of
 * them (one of each kind) at every size. Each invocation asks for the next of a rotating set of {@value #LOOKUPS}
 * published topics, {@code distinctTopics} of them different; every match goes to a blackhole. The figure to read is
 * the ratio of 100,000 to 100 subscriptions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 8, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PubSubMatchBenchmark {

    static final int LOOKUPS = 1024; // a power of two: the next index is a mask

    @Param({"100", "100000"})
    int subscriptions;

    @Param({"1024"})
    int distinctTopics;

    private UriTable<String> table;
    private String[] topics;
    private int next;
    private Consumer<Object> sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        table = new UriTable<>();
        for (int i = 0; i < subscriptions; i++) {
            String uri = SensorTopics.uri(i);
            table.compute(SensorTopics.policy(i), uri, (key, old) -> uri);
        }
        if (table.size() != subscriptions) {
            throw new IllegalStateException(table.size() + " entries, expected " + subscriptions);
        }
        topics = SensorTopics.published(subscriptions, LOOKUPS, Math.min(distinctTopics, LOOKUPS), 42);
        for (String topic : topics) {
            int matches = table.matches(topic).size();
            if (matches != SensorTopics.MATCHES_PER_TOPIC) {
                throw new IllegalStateException(topic + " matches " + matches + " entries, expected "
                        + SensorTopics.MATCHES_PER_TOPIC + ": " + table.matches(topic));
            }
        }
        sink = blackhole::consume;
    }

    @Benchmark
    public void forEachMatch() {
        next = (next + 1) & (LOOKUPS - 1);
        table.forEachMatch(topics[next], sink);
    }
}
