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

class TrieNodeTest {

    private static final class Named extends TrieNode<Named> {

        Named(String key) {
            super(key);
        }
    }

    @Test
    void findsChildrenByARegionOfALongerString() {
        Named node = new Named("");
        Named acme = new Named("acme");
        Named empty = new Named("");
        node.putChild(acme);
        node.putChild(empty);
        assertThat(node.child("com.acme.get", 4, 8)).isSameAs(acme);
        assertThat(node.child("com.acme.get", 4, 7)).isNull();
        assertThat(node.child("com.acme.get", 4, 4)).isSameAs(empty);
        assertThat(node.child("acme")).isSameAs(acme);
        assertThat(TrieNode.hash("com.acme.get", 4, 8)).isEqualTo("acme".hashCode());
        Named replacement = new Named("acme");
        node.putChild(replacement);
        assertThat(node.child("acme")).isSameAs(replacement);
    }

    @Test
    void agreesWithAHashMapThroughGrowthRemovalAndShrinking() {
        Named node = new Named("");
        Map<String, Named> model = new HashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 50_000; step++) {
            // few keys at first, then many, then few again: the table grows, fills with removed slots and shrinks
            int range = step < 10_000 ? 8 : step < 30_000 ? 2_000 : 16;
            if (step == 30_000) {
                for (String key : List.copyOf(model.keySet())) {
                    if (Integer.parseInt(key.substring(1)) >= range) {
                        node.removeChild(key);
                        model.remove(key);
                    }
                }
            }
            String key = "k" + random.nextInt(range);
            if (random.nextInt(3) == 0) {
                node.removeChild(key);
                model.remove(key);
            } else {
                Named child = new Named(key);
                node.putChild(child);
                model.put(key, child);
            }
            String probe = "x.k" + random.nextInt(range) + ".y";
            assertThat(node.child(probe, 2, probe.length() - 2))
                    .isSameAs(model.get(probe.substring(2, probe.length() - 2)));
        }
        List<Named> children = new ArrayList<>();
        node.forEachChild(children::add);
        assertThat(children).containsExactlyInAnyOrderElementsOf(model.values());
        model.keySet().forEach(node::removeChild);
        assertThat(node.hasChildren()).isFalse();
        assertThat(node.child("k1")).isNull();
    }

    @Test
    void aLockFreeReaderFindsTheChildrenPresentThroughoutWhileTheTableIsRebuilt() throws Exception {
        Named node = new Named("");
        Map<String, Named> stable = new HashMap<>();
        for (String key : List.of("a", "b", "stable", "")) {
            stable.put(key, new Named(key));
            node.putChild(stable.get(key));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> reader = pool.submit(() -> {
                String uri = "x.a.b.stable.";
                while (writing.get()) {
                    assertThat(node.child(uri, 2, 3)).isSameAs(stable.get("a"));
                    assertThat(node.child(uri, 4, 5)).isSameAs(stable.get("b"));
                    assertThat(node.child(uri, 6, 12)).isSameAs(stable.get("stable"));
                    assertThat(node.child(uri, 13, 13)).isSameAs(stable.get(""));
                    reads.incrementAndGet();
                }
            });
            Future<?> writer = pool.submit(() -> {
                // grows to 1,000 children and back to none, over and over: rebuilds both ways and reused slots
                for (int round = 0; round < 20 || reads.get() < 10_000 && !reader.isDone(); round++) {
                    for (int i = 0; i < 1_000; i++) {
                        node.putChild(new Named("churn" + i));
                    }
                    for (int i = 0; i < 1_000; i++) {
                        node.removeChild("churn" + i);
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
