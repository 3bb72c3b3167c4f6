package io.wampspring.router.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ComponentMapTest {

    @Test
    void looksUpKeysAsRegionsOfALongerString() {
        ComponentMap<Integer> map = new ComponentMap<>();
        map.put("acme", 1);
        map.put("", 2);
        assertThat(map.get("com.acme.get", 4, 8)).isEqualTo(1);
        assertThat(map.get("com.acme.get", 4, 7)).isNull();
        assertThat(map.get("com.acme.get", 4, 4)).isEqualTo(2);
        assertThat(map.get("acme")).isEqualTo(1);
        assertThat(ComponentMap.hash("com.acme.get", 4, 8)).isEqualTo("acme".hashCode());
    }

    @Test
    void agreesWithAHashMapThroughGrowthRemovalAndShrinking() {
        ComponentMap<Integer> map = new ComponentMap<>();
        Map<String, Integer> model = new HashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 50_000; step++) {
            // few keys at first, then many, then few again: the table grows, fills with removed slots and shrinks
            int range = step < 10_000 ? 8 : step < 30_000 ? 2_000 : 16;
            if (step == 30_000) {
                for (String key : List.copyOf(model.keySet())) {
                    if (Integer.parseInt(key.substring(1)) >= range) {
                        assertThat(map.remove(key)).isEqualTo(model.remove(key));
                    }
                }
            }
            String key = "k" + random.nextInt(range);
            if (random.nextInt(3) == 0) {
                assertThat(map.remove(key)).isEqualTo(model.remove(key));
            } else {
                map.put(key, step);
                model.put(key, step);
            }
            String probe = "x.k" + random.nextInt(range) + ".y";
            assertThat(map.get(probe, 2, probe.length() - 2)).isEqualTo(model.get(probe.substring(2,
                    probe.length() - 2)));
        }
        List<Integer> values = new ArrayList<>();
        map.forEachValue(values::add);
        assertThat(values).containsExactlyInAnyOrderElementsOf(model.values());
        model.keySet().forEach(map::remove);
        assertThat(map.isEmpty()).isTrue();
        assertThat(map.get("k1")).isNull();
    }

    @Test
    void aLockFreeReaderFindsTheKeysPresentThroughoutWhileTheTableIsRebuilt() throws Exception {
        ComponentMap<String> map = new ComponentMap<>();
        List<String> stable = List.of("a", "b", "stable", "");
        stable.forEach(key -> map.put(key, "value " + key));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> reader = pool.submit(() -> {
                String uri = "x.a.b.stable.";
                while (writing.get()) {
                    assertThat(map.get(uri, 2, 3)).isEqualTo("value a");
                    assertThat(map.get(uri, 4, 5)).isEqualTo("value b");
                    assertThat(map.get(uri, 6, 12)).isEqualTo("value stable");
                    assertThat(map.get(uri, 13, 13)).isEqualTo("value ");
                    reads.incrementAndGet();
                }
            });
            Future<?> writer = pool.submit(() -> {
                // grows to 1,000 keys and back to none, over and over: rebuilds both ways and reused slots
                for (int round = 0; round < 20 || reads.get() < 10_000 && !reader.isDone(); round++) {
                    for (int i = 0; i < 1_000; i++) {
                        map.put("churn" + i, "churn");
                    }
                    for (int i = 0; i < 1_000; i++) {
                        map.remove("churn" + i);
                    }
                }
                writing.set(false);
            });
            writer.get(60, TimeUnit.SECONDS);
            reader.get(60, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            pool.shutdownNow();
        }
        assertThat(reads.get()).isGreaterThanOrEqualTo(10_000);
    }
}
