package io.wampspring.router.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random adds, replacements and removals over a tiny alphabet (so that prefixes split and merge edges and wildcards
 * overlap all the time), checked after every step against a plain list-scanning model that states the spec's rules
 * directly.
 */
class UriTableModelTest {

    private static final String[] COMPONENTS = {"a", "b", "ab", "ba"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void agreesWithAScanningModel(long seed) {
        Random random = new Random(seed);
        UriTable<String> table = new UriTable<>();
        Map<MatchKey, String> model = new HashMap<>();
        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            queries.add(uri(random, i % 5 == 0)); // some with empty components: odd, but must not confuse the walk
        }

        for (int step = 0; step < 1_500; step++) {
            MatchKey key = randomKey(random, model);
            if (model.containsKey(key) && random.nextInt(3) > 0) {
                table.compute(key.policy(), key.uri(), (uri, old) -> null);
                model.remove(key);
            } else {
                String value = key.policy().wireName() + ":" + key.uri() + "#" + step;
                table.compute(key.policy(), key.uri(), (uri, old) -> value);
                model.put(key, value);
            }
            for (String query : queries) {
                List<String> expected = expectedMatches(model, query);
                assertThat(table.matches(query)).as("matches of %s, step %d", query, step).isEqualTo(expected);
                assertThat(table.bestMatch(query)).as("best match of %s, step %d", query, step)
                        .isEqualTo(expectedBest(model, query));
            }
            assertThat(table.size()).isEqualTo(model.size());
        }

        model.keySet().forEach(key -> table.compute(key.policy(), key.uri(), (uri, old) -> null));
        assertThat(table.size()).isZero();
        assertThat(table.indexNodeCount()).isZero();
    }

    private static MatchKey randomKey(Random random, Map<MatchKey, String> model) {
        if (!model.isEmpty() && random.nextBoolean()) {
            List<MatchKey> present = new ArrayList<>(model.keySet());
            present.sort(Comparator.comparing(MatchKey::toString));
            return present.get(random.nextInt(present.size()));
        }
        MatchPolicy policy = MatchPolicy.values()[random.nextInt(3)];
        return switch (policy) {
            case EXACT -> new MatchKey(policy, uri(random, false));
            case WILDCARD -> new MatchKey(policy, uri(random, true));
            case PREFIX -> {
                // any string over a, b and dots: prefixes end anywhere, also inside a component or after a dot
                StringBuilder prefix = new StringBuilder();
                for (int i = random.nextInt(8); i > 0; i--) {
                    prefix.append("ab.".charAt(random.nextInt(3)));
                }
                yield new MatchKey(policy, prefix.toString());
            }
        };
    }

    private static String uri(Random random, boolean wildcards) {
        List<String> parts = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            parts.add(wildcards && random.nextInt(3) == 0 ? "" : COMPONENTS[random.nextInt(COMPONENTS.length)]);
        }
        return String.join(".", parts);
    }

    /** Exact, then matching prefixes from the shortest, then matching wildcards from the best. */
    private static List<String> expectedMatches(Map<MatchKey, String> model, String uri) {
        List<String> matches = new ArrayList<>();
        String exact = model.get(new MatchKey(MatchPolicy.EXACT, uri));
        if (exact != null) {
            matches.add(exact);
        }
        model.keySet().stream()
                .filter(key -> key.policy() == MatchPolicy.PREFIX && uri.startsWith(key.uri()))
                .sorted(Comparator.comparingInt(key -> key.uri().length()))
                .forEach(key -> matches.add(model.get(key)));
        model.keySet().stream()
                .filter(key -> key.policy() == MatchPolicy.WILDCARD && wildcardMatches(key.uri(), uri))
                .sorted(Comparator.comparing(key -> runs(key.uri()), UriTableModelTest::compareRuns))
                .forEach(key -> matches.add(model.get(key)));
        return matches;
    }

    private static String expectedBest(Map<MatchKey, String> model, String uri) {
        String exact = model.get(new MatchKey(MatchPolicy.EXACT, uri));
        if (exact != null) {
            return exact;
        }
        List<String> all = expectedMatches(model, uri);
        List<String> prefixes = all.stream().filter(value -> value.startsWith("prefix:")).toList();
        if (!prefixes.isEmpty()) {
            return prefixes.get(prefixes.size() - 1);
        }
        return all.isEmpty() ? null : all.get(0);
    }

    private static boolean wildcardMatches(String pattern, String uri) {
        String[] p = pattern.split("\\.", -1);
        String[] u = uri.split("\\.", -1);
        if (p.length != u.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (!p[i].isEmpty() && !p[i].equals(u[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The spec's words: the number of components matched before each wildcard, in order; the run after the last
     * wildcard counts as unbounded so that a pattern with fewer wildcards wins over one that has the same runs.
     */
    private static List<Integer> runs(String pattern) {
        List<Integer> runs = new ArrayList<>();
        int run = 0;
        for (String part : pattern.split("\\.", -1)) {
            if (part.isEmpty()) {
                runs.add(run);
                run = 0;
            } else {
                run++;
            }
        }
        runs.add(Integer.MAX_VALUE);
        return runs;
    }

    /** Longer runs first, run by run. */
    private static int compareRuns(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = Integer.compare(b.get(i), a.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
