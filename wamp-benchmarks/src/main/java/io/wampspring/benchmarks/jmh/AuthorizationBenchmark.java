package io.wampspring.benchmarks.jmh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.auth.CachingAuthorizer;
import io.wampspring.router.auth.Permission;
import io.wampspring.router.auth.RuleAuthorizer;
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

/**
 * The authorization decision on the CALL and PUBLISH hot path, made as the dealer makes it
 * ({@code authorizer.authorize(caller.identity(), Action.CALL, uri)}; a PUBLISH is the same call with
 * {@link Action#PUBLISH}):
 * <ul>
 * <li>{@link #permitAll}: {@link Authorizer#PERMIT_ALL}, the open default and the baseline;</li>
 * <li>{@link #rules}: a {@link RuleAuthorizer} with 3 roles of {@code rulesPerRole} rules each (80% exact, 10% prefix,
 * 10% wildcard, as in {@link UriTableBenchmark}, plus one meta API rule), deciding for the role {@code user};</li>
 * <li>{@link #cachedHit}: a {@link CachingAuthorizer} whose every lookup is a hit, over a deliberately slow delegate
 * ({@link #slowDelegate}: the same rules behind a few microseconds of hashing, standing in for a call to a
 * database or a policy service, which would be slower still).</li>
 * </ul>
 * Each invocation decides for the next URI of a rotating set of {@value #LOOKUPS}, all of the kind {@code lookup}
 * picks: allowed by an exact, a prefix or a wildcard rule, or denied because no rule matches (checked at setup).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class AuthorizationBenchmark {

    static final int LOOKUPS = 1024; // a power of two: the next index is a mask
    private static final int RULES_PER_ORG = 50;
    private static final List<String> ROLES = List.of("user", "admin", "service");
    private static final String[] VERBS = {"get", "set", "update", "create", "delete", "list", "changed", "status"};

    @Param({"10", "100", "1000"})
    int rulesPerRole;

    @Param({"exact", "prefix", "wildcard", "deny"})
    String lookup;

    private final AuthIdentity user = new AuthIdentity("alice", "user", "ticket", "static");
    private Map<String, List<Permission>> permissions;
    private RuleAuthorizer ruleAuthorizer;
    private Authorizer slow;
    private CachingAuthorizer cached;
    private String[] uris;
    private int next;
    private int orgs;

    @Setup
    public void setUp() {
        orgs = Math.max(1, rulesPerRole / RULES_PER_ORG);
        Random random = new Random(42);
        permissions = new HashMap<>();
        // the user's rules again, as kind by URI: what tells the lookups which rule decides them
        UriTable<String> userRules = new UriTable<>();
        for (String role : ROLES) {
            permissions.put(role, rules(random, role.equals("user") ? userRules : new UriTable<>()));
        }
        ruleAuthorizer = new RuleAuthorizer(permissions);
        slow = new SlowAuthorizer(ruleAuthorizer);
        cached = new CachingAuthorizer(slow, 4 * LOOKUPS, Duration.ofHours(1));
        uris = new String[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            uris[i] = lookupUri(random, userRules);
            boolean allowed = !lookup.equals("deny");
            if (ruleAuthorizer.authorize(user, Action.CALL, uris[i]).allowed() != allowed
                    || cached.authorize(user, Action.CALL, uris[i]).allowed() != allowed) {
                throw new IllegalStateException(uris[i] + " is not " + (allowed ? "allowed" : "denied"));
            }
        }
    }

    /** The roles' rules, for a router: roles without rules (a callee's, say) are left to {@code otherRoles}. */
    RuleAuthorizer rules(Authorizer otherRoles) {
        return new RuleAuthorizer(permissions, otherRoles);
    }

    /** A URI of the lookups: one the user's rules decide as {@code lookup} says. */
    String uri(int index) {
        return uris[index];
    }

    @Benchmark
    public Authorization permitAll() {
        return Authorizer.PERMIT_ALL.authorize(user, Action.CALL, nextUri());
    }

    @Benchmark
    public Authorization rules() {
        return ruleAuthorizer.authorize(user, Action.CALL, nextUri());
    }

    @Benchmark
    public Authorization cachedHit() {
        return cached.authorize(user, Action.CALL, nextUri());
    }

    @Benchmark
    public Authorization slowDelegate() {
        return slow.authorize(user, Action.CALL, nextUri());
    }

    private String nextUri() {
        next = (next + 1) & (LOOKUPS - 1);
        return uris[next];
    }

    /**
     * One role's rules: exact, prefix and wildcard ones allowing CALL and PUBLISH (some SUBSCRIBE), a denying exact
     * rule here and there, and one rule opening a meta API procedure.
     */
    private List<Permission> rules(Random random, UriTable<String> kinds) {
        List<Permission> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        add(rules, seen, kinds, new Permission("wamp.session.count", MatchPolicy.EXACT, EnumSet.of(Action.CALL)));
        int exact = rulesPerRole * 8 / 10;
        int prefixes = Math.max(1, rulesPerRole / 10);
        // rulesPerRole rules besides the meta API's: index 1 to rulesPerRole
        while (rules.size() <= rulesPerRole) {
            int index = rules.size();
            MatchPolicy match = index <= exact ? MatchPolicy.EXACT
                    : index <= exact + prefixes ? MatchPolicy.PREFIX : MatchPolicy.WILDCARD;
            String uri = switch (match) {
                case EXACT -> uri(random, 4 + random.nextInt(3));
                case PREFIX -> prefix(random);
                case WILDCARD -> wildcard(random);
            };
            boolean denying = match == MatchPolicy.EXACT && index % 10 == 0;
            Set<Action> actions = denying ? Set.of()
                    : index % 3 == 0 ? EnumSet.of(Action.CALL, Action.PUBLISH, Action.SUBSCRIBE)
                    : EnumSet.of(Action.CALL, Action.PUBLISH);
            add(rules, seen, kinds, new Permission(uri, match, actions, index % 7 == 0, false));
        }
        return rules;
    }

    private static void add(List<Permission> rules, Set<String> seen, UriTable<String> kinds, Permission rule) {
        if (seen.add(rule.match() + " " + rule.uri())) {
            rules.add(rule);
            String kind = rule.actions().isEmpty() ? "denying" : rule.match().wireName();
            kinds.compute(rule.match(), rule.uri(), (key, old) -> kind);
        }
    }

    /** Like {@code com.acme17.svc3.obj512.update}: 4 to 6 components. */
    private String uri(Random random, int components) {
        StringBuilder uri = new StringBuilder("com.acme").append(random.nextInt(orgs))
                .append(".svc").append(random.nextInt(20));
        for (int i = 3; i < components - 1; i++) {
            uri.append(".obj").append(random.nextInt(100));
        }
        return uri.append('.').append(VERBS[random.nextInt(VERBS.length)]).toString();
    }

    /** {@code com.acme1.svc2.} or {@code com.acme1.svc2.obj7}. */
    private String prefix(Random random) {
        String[] parts = uri(random, 5).split("\\.");
        String head = parts[0] + "." + parts[1] + "." + parts[2] + ".";
        return random.nextBoolean() ? head : head + parts[3];
    }

    /** A URI with its third component empty (so that no prefix rule decides its hits), maybe the fourth too. */
    private String wildcard(Random random) {
        String[] parts = uri(random, 4 + random.nextInt(3)).split("\\.");
        parts[2] = "";
        if (parts.length > 4 && random.nextBoolean()) {
            parts[3] = "";
        }
        return String.join(".", parts);
    }

    /** A URI the user's rule of the wanted kind decides (or, for a denial, that no rule matches). */
    private String lookupUri(Random random, UriTable<String> kinds) {
        List<String> ofKind = new ArrayList<>();
        if (!lookup.equals("deny")) {
            kinds.forEach((key, kind) -> {
                if (kind.equals(lookup)) {
                    ofKind.add(key.uri());
                }
            });
        }
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String uri = switch (lookup) {
                // a new instance, as if just decoded from a message: no identity shortcut in equals
                case "exact" -> new String(ofKind.get(random.nextInt(ofKind.size())));
                case "prefix" -> ofKind.get(random.nextInt(ofKind.size())) + "x" + random.nextInt(100) + ".get";
                case "wildcard" -> fillWildcards(random, ofKind.get(random.nextInt(ofKind.size())));
                case "deny" -> uri(random, 4 + random.nextInt(3)).replace(".svc", ".nosvc");
                default -> throw new IllegalArgumentException("lookup " + lookup);
            };
            String decidedBy = kinds.bestMatch(uri);
            if (lookup.equals("deny") ? decidedBy == null : lookup.equals(decidedBy)) {
                return uri;
            }
        }
        throw new IllegalStateException("no " + lookup + " lookup found among " + rulesPerRole + " rules");
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

    /** The rules behind hashing the question 64 times: a delegate of a few microseconds, faster than any remote one. */
    private static final class SlowAuthorizer implements Authorizer {

        private final Authorizer rules;
        /** Where the hashes go, so that the JIT cannot drop them. */
        private long sink;

        SlowAuthorizer(Authorizer rules) {
            this.rules = rules;
        }

        @Override
        public boolean isAuthorized(AuthIdentity identity, Action action, String uri) {
            return authorize(identity, action, uri).allowed();
        }

        @Override
        public Authorization authorize(AuthIdentity identity, Action action, String uri) {
            long hash = 0;
            for (int round = 0; round < 64; round++) {
                hash = hash * 31 + (identity.authid() + action + uri).hashCode();
            }
            sink += hash;
            return rules.authorize(identity, action, uri);
        }
    }
}
