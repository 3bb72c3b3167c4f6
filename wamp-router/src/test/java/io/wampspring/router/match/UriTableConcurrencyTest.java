package io.wampspring.router.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static io.wampspring.router.match.MatchPolicy.EXACT;
import static io.wampspring.router.match.MatchPolicy.PREFIX;
import static io.wampspring.router.match.MatchPolicy.WILDCARD;
import static org.assertj.core.api.Assertions.assertThat;

class UriTableConcurrencyTest {

    private static final int WRITERS = 2;
    private static final int READERS = 2;
    private static final long MIN_WRITES = 50_000;
    private static final long MIN_READS = 20_000;

    /** Around the stable entries, so that writers split, merge and prune the very nodes the readers go through. */
    private static final String[] CHURN_PREFIXES = {"s", "s.", "s.e.", "s.e.x", "s.e.x.", "s.ex", "s.e.x.y.z",
            "s.e.y", "t", "s.f", "s.e.x.yy", "s.e.z.y"};
    private static final String[] CHURN_WILDCARDS = {"s.e..y", "..x.y", "s.e.x.", "s...", "s..x.z", "s.e.y.",
            "..x.z", "s.e", "s..y.y", "t.e.x.y"};

    @Test
    void lockFreeReadersAlwaysSeeTheEntriesPresentThroughout() throws Exception {
        UriTable<String> table = new UriTable<>();
        table.compute(EXACT, "s.e.x.y", (uri, old) -> "stable exact");
        table.compute(PREFIX, "s.e", (uri, old) -> "stable prefix");
        table.compute(WILDCARD, "s..x.", (uri, old) -> "stable wildcard");
        table.compute(WILDCARD, "..x.q", (uri, old) -> "stable leading wildcard");
        List<String> stable = List.of("stable exact", "stable prefix", "stable wildcard");

        AtomicLong reads = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Random random = new Random(w);
                writers.add(pool.submit(() -> {
                    start.await();
                    // keep writing until the readers have done their share, so reads and writes overlap
                    for (long i = 0; i < MIN_WRITES || reads.get() < MIN_READS && failures.isEmpty(); i++) {
                        boolean prefix = random.nextBoolean();
                        String uri = prefix ? CHURN_PREFIXES[random.nextInt(CHURN_PREFIXES.length)]
                                : CHURN_WILDCARDS[random.nextInt(CHURN_WILDCARDS.length)];
                        String value = random.nextBoolean() ? (prefix ? "prefix " : "wildcard ") + uri : null;
                        table.compute(prefix ? PREFIX : WILDCARD, uri, (key, old) -> value);
                    }
                    return null;
                }));
            }
            List<Future<?>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    while (writing.get()) {
                        try {
                            checkOnce(table, stable);
                        } catch (Throwable failure) {
                            failures.add(failure);
                            return null;
                        }
                        reads.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isGreaterThanOrEqualTo(MIN_READS);
        for (String uri : CHURN_PREFIXES) {
            table.compute(PREFIX, uri, (key, old) -> null);
        }
        for (String uri : CHURN_WILDCARDS) {
            table.compute(WILDCARD, uri, (key, old) -> null);
        }
        assertThat(table.matches("s.e.x.y")).containsExactly(stable.toArray(String[]::new));
    }

    private static void checkOnce(UriTable<String> table, List<String> stable) {
        List<String> all = table.matches("s.e.x.y");
        assertThat(all).containsAll(stable);
        assertThat(new HashSet<>(all)).as("each match once: %s", all).hasSameSizeAs(all);
        assertThat(all.get(0)).isEqualTo("stable exact");
        assertThat(table.bestMatch("s.e.x.y")).isEqualTo("stable exact");

        // no exact entry here: the best is the stable prefix or a longer churned one, never a wildcard or nothing
        String best = table.bestMatch("s.e.x.q");
        assertThat(best).isNotNull();
        assertThat(best).isIn("stable prefix", "prefix s.e.", "prefix s.e.x", "prefix s.e.x.");

        // no prefix starts with "q", and of all wildcards only the stable one ends with "x.q"
        assertThat(table.bestMatch("q.e.x.q")).isEqualTo("stable leading wildcard");
        assertThat(table.matches("q.e.x.q")).containsExactly("stable leading wildcard");
    }
}
