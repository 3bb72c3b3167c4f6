package io.wampspring.router;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OnDemandMapTest {

    @Test
    void anEmptyMapAnswersEveryReadWithoutAllocating() {
        OnDemandMap<Long, String> map = new OnDemandMap<>();

        assertThat(map.get(1L)).isNull();
        assertThat(map.containsKey(1L)).isFalse();
        assertThat(map.remove(1L)).isNull();
        assertThat(map.remove(1L, "one")).isFalse();
        assertThat(map.size()).isZero();
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.keys()).isEmpty();
        assertThat(map.values()).isEmpty();
        assertThat(map.isAllocated()).isFalse();
    }

    @Test
    void theFirstPutAllocatesAndTheMapBehavesAsAConcurrentMap() {
        OnDemandMap<Long, String> map = new OnDemandMap<>();

        assertThat(map.put(1L, "one")).isNull();
        assertThat(map.put(2L, "two")).isNull();
        assertThat(map.put(2L, "zwei")).isEqualTo("two");

        assertThat(map.isAllocated()).isTrue();
        assertThat(map.get(2L)).isEqualTo("zwei");
        assertThat(map.containsKey(1L)).isTrue();
        assertThat(map.size()).isEqualTo(2);
        assertThat(map.keys()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(map.values()).containsExactlyInAnyOrder("one", "zwei");
        assertThat(map.remove(1L, "uno")).isFalse();
        assertThat(map.remove(1L, "one")).isTrue();
        assertThat(map.remove(2L)).isEqualTo("zwei");
        assertThat(map.isEmpty()).isTrue();
    }

    @Test
    void entriesCanBeRemovedWhileIteratingOverTheKeys() {
        OnDemandMap<Long, String> map = new OnDemandMap<>();
        for (long i = 0; i < 100; i++) {
            map.put(i, "v" + i);
        }
        for (Long key : map.keys()) {
            assertThat(map.remove(key)).isEqualTo("v" + key);
        }
        assertThat(map.isEmpty()).isTrue();
    }

    @Test
    void threadsRacingToPutFirstLoseNoEntry() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                OnDemandMap<Long, Long> map = new OnDemandMap<>();
                CountDownLatch start = new CountDownLatch(1);
                List<CompletableFuture<Void>> puts = new ArrayList<>();
                for (long thread = 0; thread < 8; thread++) {
                    long key = thread;
                    puts.add(CompletableFuture.runAsync(() -> {
                        awaitQuietly(start);
                        map.put(key, key);
                    }, threads));
                }
                start.countDown();
                CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
                assertThat(map.size()).as("round %d", round).isEqualTo(8);
            }
        }
        finally {
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
