package io.wampspring.router.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.wampspring.router.match.MatchPolicy.EXACT;
import static io.wampspring.router.match.MatchPolicy.PREFIX;
import static io.wampspring.router.match.MatchPolicy.WILDCARD;
import static org.assertj.core.api.Assertions.assertThat;

class UriTableTest {

    private final UriTable<String> table = new UriTable<>();

    private void put(MatchPolicy policy, String uri, String value) {
        table.compute(policy, uri, (key, old) -> value);
    }

    private void remove(MatchPolicy policy, String uri) {
        table.compute(policy, uri, (key, old) -> null);
    }

    /**
     * The registrations of the spec's example for pattern-based registration, numbered as there (advanced profile,
     * "Pattern-based Registrations"). Number 5 is {@code a1.b2.c33..e5} in the spec.
     */
    private void specRegistrations() {
        put(EXACT, "a1.b2.c3.d4.e55", "1");
        put(PREFIX, "a1.b2.c3", "2");
        put(PREFIX, "a1.b2.c3.d4", "3");
        put(WILDCARD, "a1.b2..d4.e5", "4");
        put(WILDCARD, "a1.b2.c33..e5", "5");
        put(WILDCARD, "a1.b2..d4.e5..g7", "6");
        put(WILDCARD, "a1.b2..d4..f6.g7", "7");
    }

    @ParameterizedTest
    @CsvSource({
            "a1.b2.c3.d4.e55, 1",
            "a1.b2.c3.d98.e74, 2",
            "a1.b2.c3.d4.e325, 3",
            "a1.b2.c55.d4.e5, 4",
            "a1.b2.c88.d4.e5.f6.g7, 6"})
    void theDealerPicksAsInTheSpecExample(String uri, String expected) {
        specRegistrations();
        assertThat(table.bestMatch(uri)).isEqualTo(expected);
    }

    /**
     * The spec routes {@code a1.b2.c33.d4.e5} to 5 ("no prefix match"), reading prefixes component by component
     * there; but prefixes match on strings (the spec's own pattern-based subscription example, PROTOCOL.md, Crossbar's
     * string trie), so prefix 2 ({@code a1.b2.c3}) matches and wins. Among the wildcards, 5 comes before 4.
     */
    @Test
    void theSpecsWildcardTieBreakHoldsOnceNoPrefixMatches() {
        specRegistrations();
        assertThat(table.bestMatch("a1.b2.c33.d4.e5")).isEqualTo("2");
        assertThat(table.matches("a1.b2.c33.d4.e5")).containsExactly("2", "5", "4");
        remove(PREFIX, "a1.b2.c3");
        assertThat(table.bestMatch("a1.b2.c33.d4.e5")).isEqualTo("5");
    }

    /**
     * With {@code a1.b2.c3..e5} as number 5 and the call {@code a1.b2.c3.d4.e5}, prefix 3 ({@code a1.b2.c3.d4})
     * matches too, and a prefix beats any wildcard; among the wildcards alone, 5 still beats 4.
     */
    @Test
    void aMatchingPrefixBeatsTheBestWildcard() {
        specRegistrations();
        put(WILDCARD, "a1.b2.c3..e5", "5'");
        assertThat(table.bestMatch("a1.b2.c3.d4.e5")).isEqualTo("3");
        assertThat(table.matches("a1.b2.c3.d4.e5")).containsExactly("2", "3", "5'", "4");
        remove(PREFIX, "a1.b2.c3");
        remove(PREFIX, "a1.b2.c3.d4");
        assertThat(table.bestMatch("a1.b2.c3.d4.e5")).isEqualTo("5'");
    }

    @Test
    void aUriMatchingNothingInTheSpecExampleHasNoBestMatch() {
        specRegistrations();
        assertThat(table.bestMatch("a2.b2.c2.d2.e2")).isNull();
        assertThat(table.matches("a2.b2.c2.d2.e2")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.myapp.myobject1.myprocedure1", "com.myapp.myobject1-mysubobject1",
            "com.myapp.myobject1.mysubobject1.myprocedure1", "com.myapp.myobject1"})
    void aPrefixMatchesAsInTheSpec(String uri) {
        put(PREFIX, "com.myapp.myobject1", "p");
        assertThat(table.bestMatch(uri)).isEqualTo("p");
        assertThat(table.matches(uri)).containsExactly("p");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.myapp.myobject2", "com.myapp.myobject", "com.myapp", "org.myapp.myobject1"})
    void aPrefixDoesNotMatchAsInTheSpec(String uri) {
        put(PREFIX, "com.myapp.myobject1", "p");
        assertThat(table.bestMatch(uri)).isNull();
        assertThat(table.matches(uri)).isEmpty();
    }

    @Test
    void aWildcardMatchesAsInTheSpec() {
        put(WILDCARD, "com.myapp..myprocedure1", "w");
        assertThat(table.bestMatch("com.myapp.myobject1.myprocedure1")).isEqualTo("w");
        assertThat(table.bestMatch("com.myapp.myobject1.myprocedure1.mysubprocedure1")).isNull();
        assertThat(table.bestMatch("com.myapp.myobject1.myprocedure2")).isNull();
        assertThat(table.bestMatch("com.myapp2.myobject1.myprocedure1")).isNull();
    }

    @Test
    void wildcardsAtEitherEndMatchOneComponentOnly() {
        put(WILDCARD, ".b.", "w");
        assertThat(table.bestMatch("a.b.c")).isEqualTo("w");
        assertThat(table.bestMatch("b.c")).isNull();
        assertThat(table.bestMatch("a.b.c.d")).isNull();
        assertThat(table.bestMatch("a.x.c")).isNull();
    }

    @Test
    void theLongestPrefixWinsAlsoInsideAComponent() {
        put(PREFIX, "com.app", "short");
        put(PREFIX, "com.app.obj", "long");
        put(PREFIX, "com.app.other", "sibling");
        assertThat(table.bestMatch("com.app.object7")).isEqualTo("long");
        assertThat(table.bestMatch("com.app.ob")).isEqualTo("short");
        assertThat(table.bestMatch("com.apple")).isEqualTo("short");
        assertThat(table.bestMatch("com.ap")).isNull();
    }

    @Test
    void theBrokerGetsEveryMatchOnceExactThenPrefixesThenWildcards() {
        specRegistrations();
        put(EXACT, "a1.b2.c3.d4.e5", "exact");
        put(PREFIX, "a1", "short prefix");
        put(WILDCARD, "....", "all wildcards");
        put(WILDCARD, "a1.b2.c3.d4.e5", "wildcard without wildcards");
        put(PREFIX, "a1.b2.c3.d4.e5", "whole uri as prefix");
        put(WILDCARD, "a1.b2.c3.d4", "other length");

        put(WILDCARD, "a1.b2.c3..e5", "5'");
        assertThat(table.matches("a1.b2.c3.d4.e5")).containsExactly("exact",
                "short prefix", "2", "3", "whole uri as prefix",
                "wildcard without wildcards", "5'", "4", "all wildcards");
        assertThat(table.bestMatch("a1.b2.c3.d4.e5")).isEqualTo("exact");
    }

    @Test
    void theSameUriUnderEachPolicyIsThreeEntries() {
        put(EXACT, "a.b", "e");
        put(PREFIX, "a.b", "p");
        put(WILDCARD, "a.b", "w");
        assertThat(table.size()).isEqualTo(3);
        assertThat(table.get(EXACT, "a.b")).isEqualTo("e");
        assertThat(table.get(PREFIX, "a.b")).isEqualTo("p");
        assertThat(table.get(WILDCARD, "a.b")).isEqualTo("w");
        assertThat(table.matches("a.b")).containsExactly("e", "p", "w");

        List<MatchKey> keys = new ArrayList<>();
        table.forEach((key, value) -> keys.add(key));
        assertThat(keys).containsExactlyInAnyOrder(new MatchKey(EXACT, "a.b"), new MatchKey(PREFIX, "a.b"),
                new MatchKey(WILDCARD, "a.b"));

        remove(PREFIX, "a.b");
        assertThat(table.matches("a.b")).containsExactly("e", "w");
        remove(EXACT, "a.b");
        assertThat(table.bestMatch("a.b")).isEqualTo("w");
    }

    @Test
    void computeCreatesKeepsReplacesAndRemoves() {
        for (MatchPolicy policy : MatchPolicy.values()) {
            UriTable<Set<String>> members = new UriTable<>();
            assertThat(members.compute(policy, "a.b", (uri, old) -> old)).isNull();
            assertThat(members.size()).isZero();

            Set<String> created = members.compute(policy, "a.b", (uri, old) -> {
                assertThat(old).isNull();
                return new HashSet<>(Set.of("first"));
            });
            Set<String> kept = members.compute(policy, "a.b", (uri, old) -> {
                old.add("second");
                return old;
            });
            assertThat(kept).isSameAs(created).containsExactlyInAnyOrder("first", "second");
            assertThat(members.bestMatch("a.b")).isSameAs(created);

            Set<String> replacement = Set.of("third");
            assertThat(members.compute(policy, "a.b", (uri, old) -> replacement)).isSameAs(replacement);
            assertThat(members.get(policy, "a.b")).isSameAs(replacement);
            assertThat(members.matches("a.b")).containsExactly(replacement);

            assertThat(members.compute(policy, "a.b", (uri, old) -> null)).isNull();
            assertThat(members.get(policy, "a.b")).isNull();
            assertThat(members.bestMatch("a.b")).isNull();
            assertThat(members.size()).isZero();
            assertThat(members.indexNodeCount()).isZero();
        }
    }

    @Test
    void joiningAPresentEntryLeavesThePatternIndexesAlone() {
        UriTable<List<Integer>> members = new UriTable<>();
        for (MatchPolicy policy : List.of(PREFIX, WILDCARD)) {
            for (int i = 0; i < 10_000; i++) {
                int member = i;
                members.compute(policy, "com..topic", (uri, old) -> {
                    List<Integer> list = old == null ? new ArrayList<>() : old;
                    list.add(member);
                    return list;
                });
            }
        }
        assertThat(members.indexChanges()).isEqualTo(2);
        assertThat(members.get(PREFIX, "com..topic")).hasSize(10_000);
        members.compute(WILDCARD, "com..topic", (uri, old) -> List.of(-1));
        assertThat(members.indexChanges()).isEqualTo(2);
        assertThat(members.bestMatch("com.x.topic")).containsExactly(-1);
    }

    @Test
    void removingEveryPatternPrunesTheIndexes() {
        List<String> prefixes = new ArrayList<>();
        List<String> wildcards = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            prefixes.add("com.example.service" + (i % 97) + ".object" + i);
            wildcards.add("com..service" + (i % 89) + ".object" + i + (i % 3 == 0 ? "." : ".x"));
        }
        prefixes.forEach(uri -> put(PREFIX, uri, uri));
        wildcards.forEach(uri -> put(WILDCARD, uri, uri));
        assertThat(table.size()).isEqualTo(100_000);
        assertThat(table.indexNodeCount()).isGreaterThan(100_000);
        assertThat(table.bestMatch("com.example.service5.object5.x")).isEqualTo("com.example.service5.object5");
        assertThat(table.bestMatch("com.z.service1.object1.x")).isEqualTo("com..service1.object1.x");
        assertThat(table.bestMatch("com.z.service0.object0.y")).isEqualTo("com..service0.object0.");

        List<String> all = new ArrayList<>(prefixes);
        all.addAll(wildcards);
        Collections.shuffle(all, new Random(42));
        for (String uri : all) {
            remove(uri.contains("..") ? WILDCARD : PREFIX, uri);
        }
        assertThat(table.size()).isZero();
        assertThat(table.indexNodeCount()).isZero();
    }

    @Test
    void aRemovalDetachesTheNodesItLeavesEmpty() {
        put(PREFIX, "com.a.b.c", "long");
        put(PREFIX, "com.a.x", "short");
        assertThat(table.indexNodeCount()).isEqualTo(5); // com, a, b, c (the last piece), x
        remove(PREFIX, "com.a.b.c");
        assertThat(table.indexNodeCount()).isEqualTo(3);
        assertThat(table.bestMatch("com.a.xyz")).isEqualTo("short");
        assertThat(table.bestMatch("com.a.b.c")).isNull();
        remove(PREFIX, "com.a.x");
        assertThat(table.indexNodeCount()).isZero();
    }

    @Test
    void piecesOfSixtyThreeCharactersOrMoreShareALengthBitAndStillMatchExactly() {
        String x63 = "x".repeat(63);
        put(PREFIX, "a." + x63, "63");
        put(PREFIX, "a." + "x".repeat(70), "70");
        put(PREFIX, "a." + "x".repeat(64) + "y", "65 with y");
        assertThat(table.matches("a." + "x".repeat(80))).containsExactly("63", "70");
        assertThat(table.matches("a." + "x".repeat(65))).containsExactly("63");
        assertThat(table.matches("a." + "x".repeat(64) + "yz")).containsExactly("63", "65 with y");
        assertThat(table.bestMatch("a." + "x".repeat(62))).isNull();
        remove(PREFIX, "a." + x63);
        assertThat(table.matches("a." + "x".repeat(80))).containsExactly("70");
    }

    @Test
    void aUriWithVeryManyComponentsNeitherRecursesNorFails() {
        int count = 200_000;
        String uri = "a" + ".a".repeat(count - 1);
        put(WILDCARD, ".".repeat(count - 1), "all wildcards");
        put(WILDCARD, uri.substring(0, uri.length() - 1), "last wildcard");
        assertThat(table.bestMatch(uri)).isEqualTo("last wildcard");
        assertThat(table.matches(uri)).containsExactly("last wildcard", "all wildcards");
        assertThat(table.bestMatch(uri + ".a")).isNull();
    }

    @Test
    void theEmptyPrefixMatchesEverything() {
        put(PREFIX, "", "everything");
        put(PREFIX, "x", "x");
        assertThat(table.bestMatch("anything.at.all")).isEqualTo("everything");
        assertThat(table.matches("x.y")).containsExactly("everything", "x");
    }

    @Test
    void wireNamesRoundTrip() {
        for (MatchPolicy policy : MatchPolicy.values()) {
            assertThat(MatchPolicy.fromWire(policy.wireName())).isSameAs(policy);
        }
        assertThat(MatchPolicy.fromWire("PREFIX")).isNull();
        assertThat(MatchPolicy.fromWire("regex")).isNull();
        assertThat(WildcardIndex.components("a..b.")).containsExactly("a", "", "b", "");
    }
}
