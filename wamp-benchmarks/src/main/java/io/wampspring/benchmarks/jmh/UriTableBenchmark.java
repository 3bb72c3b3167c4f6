package io.wampspring.benchmarks.jmh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.wampspring.router.match.MatchPolicy;
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
 * The cost of one lookup in {@link UriTable} as the table grows: 80% exact, 10% prefix and 10% wildcard entries over
 * dotted URIs of 4 to 6 components ({@code com.acme17.svc3.obj512.update}). Each invocation looks up the next URI of
 * a fixed rotating set of {@value #LOOKUPS} (the same number at every size), all of the kind chosen by
 * {@code lookup}: a hit on an exact, a prefix or a wildcard entry (as {@code bestMatch} resolves it), a miss, or an
 * equal mix of the four. With {@code distinctUris} below {@value #LOOKUPS}, the set repeats that many URIs, so the
 * entries they reach stay in the CPU caches at every size and what remains is the cost of the walk itself.
 *
 * <p>The namespace grows with the table, one organisation ({@code acme17}) per {@value #ENTRIES_PER_ORG} entries, as
 * a router with more registrations serves more applications; so a lookup meets about as many overlapping prefixes
 * and wildcards at every size, and what the sizes compare is the structure, not a denser namespace. Wildcards are
 * scoped to an organisation ({@code com.acme17..obj512.update}), as wildcard subscriptions usually are.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class UriTableBenchmark {

    static final int LOOKUPS = 1024; // a power of two: the next index is a mask
    static final int ENTRIES_PER_ORG = 50;
    private static final String[] TOP = {"com", "org", "io", "net"};
    private static final String[] VERBS = {"get", "set", "update", "create", "delete", "list", "changed", "status"};

    @Param({"100", "10000", "100000"})
    int entries;

    @Param({"exact", "prefix", "wildcard", "miss", "mixed"})
    String lookup;

    @Param({"1024"})
    int distinctUris;

    private int orgs;
    private UriTable<String> table;
    private String[] uris;
    private int next;
    private Consumer<Object> sink;

    @Setup
    public void setUp(Blackhole blackhole) {
        Random random = new Random(42);
        orgs = Math.max(1, entries / ENTRIES_PER_ORG);
        table = new UriTable<>();
        List<String> exact = fill(random, MatchPolicy.EXACT, entries * 8 / 10);
        List<String> prefixes = fill(random, MatchPolicy.PREFIX, entries / 10);
        List<String> wildcards = fill(random, MatchPolicy.WILDCARD, entries / 10);
        uris = new String[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            String kind = lookup.equals("mixed") ? List.of("exact", "prefix", "wildcard", "miss").get(i % 4) : lookup;
            uris[i] = i < distinctUris ? lookupUri(random, kind, exact, prefixes, wildcards) : uris[i % distinctUris];
        }
        sink = blackhole::consume;
    }

    @Benchmark
    public String bestMatch() {
        return table.bestMatch(nextUri());
    }

    @Benchmark
    public void forEachMatch() {
        table.forEachMatch(nextUri(), sink);
    }

    private String nextUri() {
        next = (next + 1) & (LOOKUPS - 1);
        return uris[next];
    }

    /** Adds {@code count} distinct entries of one policy; the value says which entry it is. */
    private List<String> fill(Random random, MatchPolicy policy, int count) {
        Set<String> seen = new HashSet<>();
        List<String> added = new ArrayList<>(count);
        while (added.size() < count) {
            String uri = switch (policy) {
                case EXACT -> uri(random, 4 + random.nextInt(3));
                case PREFIX -> prefix(random);
                case WILDCARD -> wildcard(random);
            };
            if (seen.add(uri)) {
                added.add(uri);
                String value = policy.wireName() + " " + uri;
                table.compute(policy, uri, (key, old) -> value);
            }
        }
        return added;
    }

    /** Like {@code com.acme17.svc3.obj512.update}: 4 to 6 components. */
    private String uri(Random random, int components) {
        StringBuilder uri = new StringBuilder(TOP[random.nextInt(TOP.length)])
                .append(".acme").append(random.nextInt(orgs))
                .append(".svc").append(random.nextInt(50));
        for (int i = 3; i < components - 1; i++) {
            uri.append(".obj").append(random.nextInt(1000));
        }
        return uri.append('.').append(VERBS[random.nextInt(VERBS.length)]).toString();
    }

    /** Three components and a dot, or three components and the start of a fourth ({@code com.acme1.svc2.obj7}). */
    private String prefix(Random random) {
        String base = uri(random, 5);
        String[] parts = base.split("\\.");
        String head = parts[0] + "." + parts[1] + "." + parts[2] + ".";
        return random.nextBoolean() ? head : head + parts[3];
    }

    /** A URI with its third component empty (so that no prefix matches its hits), maybe the fourth too. */
    private String wildcard(Random random) {
        String[] parts = uri(random, 4 + random.nextInt(3)).split("\\.");
        parts[2] = "";
        if (parts.length > 4 && random.nextBoolean()) {
            parts[3] = "";
        }
        return String.join(".", parts);
    }

    /** A URI that {@code bestMatch} resolves to an entry of the given kind (or to nothing); checked here. */
    private String lookupUri(Random random, String kind, List<String> exact, List<String> prefixes,
            List<String> wildcards) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            String uri = switch (kind) {
                // a new instance, as if just decoded from a message: no identity shortcut in equals
                case "exact" -> new String(exact.get(random.nextInt(exact.size())));
                case "prefix" -> prefixes.get(random.nextInt(prefixes.size())) + "x" + random.nextInt(100) + ".get";
                case "wildcard" -> fillWildcards(random, wildcards.get(random.nextInt(wildcards.size())));
                case "miss" -> uri(random, 4 + random.nextInt(3)).replace(".svc", ".nosvc");
                default -> throw new IllegalArgumentException("lookup " + kind);
            };
            String best = table.bestMatch(uri);
            boolean expected = kind.equals("miss") ? best == null : best != null && best.startsWith(kind);
            if (expected) {
                return uri;
            }
        }
        throw new IllegalStateException("no " + kind + " lookup found among the entries");
    }

    private static String fillWildcards(Random random, String pattern) {
        String[] parts = pattern.split("\\.", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                parts[i] = "any" + random.nextInt(1000);
            }
        }
        return String.join(".", parts);
    }
}
