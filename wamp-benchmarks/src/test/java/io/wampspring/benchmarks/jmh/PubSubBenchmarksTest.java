package io.wampspring.benchmarks.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The PubSub benchmarks' set-up checks what they measure (three matches per topic, three EVENTs per PUBLISH, the
 * members left after a join and leave); this runs it at small sizes, with a few invocations, so a change of the
 * broker that breaks a benchmark shows in the build rather than in a JMH run. Not a measurement.
 */
class PubSubBenchmarksTest {

    private static final String BLACKHOLE_PASSWORD =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    @Test
    void topicsMatchOneEntryOfEachKind() {
        for (int subscriptions : new int[] {100, 1000}) {
            PubSubMatchBenchmark benchmark = new PubSubMatchBenchmark();
            benchmark.subscriptions = subscriptions;
            benchmark.distinctTopics = 1024;
            Blackhole blackhole = new Blackhole(BLACKHOLE_PASSWORD);
            benchmark.setUp(blackhole); // throws unless every topic matches exactly three entries
            for (int i = 0; i < 2048; i++) {
                benchmark.forEachMatch();
            }
        }
    }

    @Test
    void publishReachesThreeSubscriptions() {
        PubSubPublishBenchmark benchmark = new PubSubPublishBenchmark();
        benchmark.subscriptions = 1000;
        benchmark.distinctTopics = 1024;
        benchmark.setUp(); // throws unless each PUBLISH delivered three EVENTs
        try {
            for (int i = 0; i < 2048; i++) {
                benchmark.publish();
            }
        }
        finally {
            benchmark.tearDown();
        }
    }

    @Test
    void joinAndLeaveKeepTheOtherMembers() {
        for (int members : new int[] {0, 1, 100}) {
            PubSubJoinBenchmark benchmark = new PubSubJoinBenchmark();
            benchmark.members = members;
            benchmark.setUp(); // throws unless the members are there after one join and leave
            try {
                long first = benchmark.joinAndLeave();
                long second = benchmark.joinAndLeave();
                if (members > 0) {
                    assertThat(second).as("the members keep the subscription alive").isEqualTo(first);
                }
            }
            finally {
                benchmark.tearDown();
            }
        }
    }
}
