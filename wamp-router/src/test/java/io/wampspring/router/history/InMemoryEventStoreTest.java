package io.wampspring.router.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Payload;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryEventStoreTest {

    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryEventStore store = new InMemoryEventStore(clock);

    private static StoredEvent event(long sequence, String topic, Instant timestamp) {
        return event("realm1", sequence, topic, timestamp, null, null);
    }

    private static StoredEvent event(String realm, long sequence, String topic, Instant timestamp,
            @Nullable Set<String> eligibleAuthrole, @Nullable Set<String> excludeAuthid) {
        return new StoredEvent(realm, sequence, topic, 1000 + sequence, timestamp, java.util.Map.of(),
                Payload.ofArgs(sequence), null, eligibleAuthrole, excludeAuthid, null);
    }

    private static List<Long> sequences(List<StoredEvent> events) {
        return events.stream().map(StoredEvent::sequence).toList();
    }

    private List<Long> all(MatchPolicy match, String uri) {
        return sequences(store.query(HistoryQuery.all("realm1", match, uri, "someone", "user")));
    }

    @Test
    void aTopicKeepsItsNewestEventsUpToTheLimit() {
        HistoryRule rule = HistoryRule.ofLimit(MatchPolicy.EXACT, "com.shop.audit", 3);
        for (long sequence = 1; sequence <= 5; sequence++) {
            store.append(event(sequence, "com.shop.audit", T0), rule);
            assertThat(store.size("realm1", "com.shop.audit")).isEqualTo((int) Math.min(sequence, 3));
        }

        assertThat(all(MatchPolicy.EXACT, "com.shop.audit")).containsExactly(3L, 4L, 5L);
        assertThat(store.find("realm1", 1002)).isNull();
        assertThat(store.find("realm1", 1003)).isNotNull().extracting(StoredEvent::sequence).isEqualTo(3L);
        assertThat(store.lastSequence("realm1")).isEqualTo(5);
        assertThat(store.lastSequence("other")).isZero();
    }

    @Test
    void eventsOlderThanTheMaxAgeAreDroppedOnAppendAndOnRead() {
        HistoryRule rule = new HistoryRule(MatchPolicy.EXACT, "com.shop.ticks", 0, Duration.ofSeconds(10));
        store.append(event(1, "com.shop.ticks", T0), rule);
        store.append(event(2, "com.shop.ticks", T0.plusSeconds(5)), rule);
        clock.set(T0.plusSeconds(12));
        store.append(event(3, "com.shop.ticks", T0.plusSeconds(12)), rule);
        // the append dropped the first, 12 s old; the second is 7 s old
        assertThat(store.find("realm1", 1001)).isNull();
        assertThat(all(MatchPolicy.EXACT, "com.shop.ticks")).containsExactly(2L, 3L);

        clock.set(T0.plusSeconds(15));
        assertThat(all(MatchPolicy.EXACT, "com.shop.ticks")).as("exactly 10 s old is kept").containsExactly(2L, 3L);
        clock.set(T0.plusSeconds(16));
        assertThat(all(MatchPolicy.EXACT, "com.shop.ticks")).as("read without any append").containsExactly(3L);
        assertThat(store.find("realm1", 1002)).isNull();

        clock.set(T0.plusSeconds(30));
        assertThat(store.size("realm1", "com.shop.ticks")).as("held until the topic is touched").isEqualTo(1);
        assertThat(all(MatchPolicy.EXACT, "com.shop.ticks")).isEmpty();
        assertThat(store.size("realm1", "com.shop.ticks")).isZero();
        assertThat(store.topicCount("realm1")).as("an emptied topic is dropped").isZero();
        // and comes back with its next event
        store.append(event(4, "com.shop.ticks", T0.plusSeconds(30)), rule);
        assertThat(all(MatchPolicy.EXACT, "com.shop.ticks")).containsExactly(4L);
    }

    @Test
    void countAndAgeBoundsHoldTogether() {
        HistoryRule rule = new HistoryRule(MatchPolicy.PREFIX, "com.shop.", 2, Duration.ofMinutes(1));
        store.append(event(1, "com.shop.a", T0), rule);
        store.append(event(2, "com.shop.a", T0.plusSeconds(30)), rule);
        store.append(event(3, "com.shop.a", T0.plusSeconds(40)), rule);
        assertThat(all(MatchPolicy.EXACT, "com.shop.a")).containsExactly(2L, 3L);
        clock.set(T0.plusSeconds(95));
        assertThat(all(MatchPolicy.EXACT, "com.shop.a")).containsExactly(3L);
    }

    @Test
    void fourConcurrentPublishersNeverGrowATopicBeyondItsLimit() throws Exception {
        int limit = 50;
        int perPublisher = 5_000;
        HistoryRule rule = HistoryRule.ofLimit(MatchPolicy.EXACT, "com.shop.hot", limit);
        AtomicLong sequences = new AtomicLong();
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger largestSize = new AtomicInteger();
        AtomicInteger largestResult = new AtomicInteger();
        AtomicInteger unordered = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        Set<Long> published = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            Future<?> reader = threads.submit(() -> {
                start.await();
                while (publishing.get() || reads.get() == 0) {
                    largestSize.accumulateAndGet(store.size("realm1", "com.shop.hot"), Math::max);
                    List<Long> read = all(MatchPolicy.EXACT, "com.shop.hot");
                    largestResult.accumulateAndGet(read.size(), Math::max);
                    if (!read.equals(read.stream().sorted().toList())) {
                        unordered.incrementAndGet();
                    }
                    reads.incrementAndGet();
                }
                return null;
            });
            List<Future<?>> publishers = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                publishers.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < perPublisher; i++) {
                        // numbered and appended as two steps, as the router does: publishers overtake each other
                        long sequence = sequences.incrementAndGet();
                        published.add(1000 + sequence);
                        store.append(event(sequence, "com.shop.hot", T0), rule);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> publisher : publishers) {
                publisher.get(60, TimeUnit.SECONDS);
            }
            publishing.set(false);
            reader.get(60, TimeUnit.SECONDS);
        }
        finally {
            threads.shutdownNow();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        long total = 4L * perPublisher;
        assertThat(reads.get()).isPositive();
        assertThat(largestSize.get()).as("size seen while publishing").isLessThanOrEqualTo(limit);
        assertThat(largestResult.get()).as("events read while publishing").isLessThanOrEqualTo(limit);
        assertThat(unordered.get()).as("reads out of sequence order").isZero();
        assertThat(store.size("realm1", "com.shop.hot")).isEqualTo(limit);
        assertThat(all(MatchPolicy.EXACT, "com.shop.hot"))
                .containsExactlyElementsOf(LongStream.rangeClosed(total - limit + 1, total).boxed().toList());
        // the publication index forgot exactly what the topic dropped
        assertThat(published).hasSize((int) total);
        long found = published.stream().filter(publication -> store.find("realm1", publication) != null).count();
        assertThat(found).isEqualTo(limit);
    }

    @Test
    void anEventThatLostTheRaceTakesItsPlaceInSequenceOrder() {
        HistoryRule rule = HistoryRule.ofLimit(MatchPolicy.EXACT, "com.shop.race", 3);
        store.append(event(1, "com.shop.race", T0), rule);
        store.append(event(4, "com.shop.race", T0), rule);
        store.append(event(3, "com.shop.race", T0), rule);
        assertThat(all(MatchPolicy.EXACT, "com.shop.race")).containsExactly(1L, 3L, 4L);
        store.append(event(2, "com.shop.race", T0), rule);
        assertThat(all(MatchPolicy.EXACT, "com.shop.race")).containsExactly(2L, 3L, 4L);
    }

    @Test
    void patternQueriesMergeTheirTopicsInSequenceOrder() {
        HistoryRule rule = HistoryRule.ofLimit(MatchPolicy.PREFIX, "com.", 10);
        store.append(event(1, "com.shop.a.price", T0), rule);
        store.append(event(2, "com.shop.b.price", T0), rule);
        store.append(event(3, "com.shop.a.stock", T0), rule);
        store.append(event(4, "com.shopping.x", T0), rule);
        store.append(event(5, "com.shop.a.price.eur", T0), rule);
        store.append(event(6, "com.other.a.price", T0), rule);

        assertThat(all(MatchPolicy.PREFIX, "com.shop.")).containsExactly(1L, 2L, 3L, 5L);
        assertThat(all(MatchPolicy.PREFIX, "com.shop")).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(all(MatchPolicy.WILDCARD, "com.shop..price")).containsExactly(1L, 2L);
        assertThat(all(MatchPolicy.WILDCARD, "com..a.price")).containsExactly(1L, 6L);
        assertThat(all(MatchPolicy.WILDCARD, ".shop.a.stock")).containsExactly(3L);
        assertThat(all(MatchPolicy.EXACT, "com.shop.a.price")).containsExactly(1L);
        assertThat(all(MatchPolicy.EXACT, "com.shop")).isEmpty();

        assertThat(oneTopicOf("com.shop.", "com.shop.a.stock")).containsExactly(3L);
        assertThat(oneTopicOf("com.shop.", "com.other.a.price")).as("a topic the pattern does not match").isEmpty();
    }

    private List<Long> oneTopicOf(String prefix, String topic) {
        return sequences(store.query(new HistoryQuery("realm1", MatchPolicy.PREFIX, prefix, topic, 0,
                Long.MAX_VALUE, null, null, "someone", "user", false, 0)));
    }

    @Test
    void queriesFilterBySequenceTimeAndReaderThenLimitInTheirOrder() {
        HistoryRule rule = HistoryRule.ofLimit(MatchPolicy.PREFIX, "com.", 10);
        for (long sequence = 1; sequence <= 8; sequence++) {
            String topic = sequence % 2 == 0 ? "com.even" : "com.odd";
            Set<String> eligible = sequence == 5 ? Set.of("admin") : null;
            Set<String> excluded = sequence == 6 ? Set.of("someone") : null;
            store.append(event("realm1", sequence, topic, T0.plusSeconds(sequence), eligible, excluded), rule);
        }
        store.append(event("realm2", 9, "com.odd", T0, null, null), rule);

        assertThat(query(0, Long.MAX_VALUE, null, null, false, 0)).containsExactly(1L, 2L, 3L, 4L, 7L, 8L);
        assertThat(query(2, 7, null, null, false, 0)).containsExactly(3L, 4L);
        assertThat(query(0, Long.MAX_VALUE, T0.plusSeconds(3), T0.plusSeconds(7), false, 0))
                .containsExactly(3L, 4L, 7L);
        assertThat(query(0, Long.MAX_VALUE, null, null, false, 3)).containsExactly(1L, 2L, 3L);
        assertThat(query(0, Long.MAX_VALUE, null, null, true, 3)).containsExactly(8L, 7L, 4L);
        assertThat(query(1, 8, T0.plusSeconds(2), null, true, 2)).containsExactly(7L, 4L);
        HistoryQuery admin = new HistoryQuery("realm1", MatchPolicy.PREFIX, "com.", null, 0, Long.MAX_VALUE, null,
                null, "boss", "admin", false, 0);
        assertThat(sequences(store.query(admin))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        HistoryQuery otherRealm = HistoryQuery.all("realm2", MatchPolicy.PREFIX, "com.", "someone", "user");
        assertThat(sequences(store.query(otherRealm))).containsExactly(9L);
        assertThat(store.lastSequence("realm2")).isEqualTo(9);
    }

    private List<Long> query(long after, long before, @Nullable Instant from, @Nullable Instant until,
            boolean reverse, int limit) {
        return sequences(store.query(new HistoryQuery("realm1", MatchPolicy.PREFIX, "com.", null, after, before,
                from, until, "someone", "user", reverse, limit)));
    }

    @Test
    void aRuleNeedsABound() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new HistoryRule(MatchPolicy.EXACT, "com.shop.audit", 0, Duration.ZERO))
                .withMessageContaining("com.shop.audit").withMessageContaining("no bound");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new HistoryRule(MatchPolicy.EXACT, "com.shop.audit", -1, Duration.ofSeconds(1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new HistoryRule(MatchPolicy.EXACT, "com.shop.audit", 5, Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new HistoryRule(MatchPolicy.PREFIX, " ", 5, Duration.ZERO));
        assertThat(new HistoryRule(MatchPolicy.EXACT, "com.shop.audit", 0, Duration.ofDays(1)).expires()).isTrue();
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {

        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
