package io.wampspring.router.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Entries keyed by (match policy, URI), queried by the dealer for the best match of an actual URI and by the broker
 * for all matches. The value is whatever the caller keeps per entry (a registration, a subscription).
 *
 * <p>Each policy has a concurrent map from URI to value, which is the source of truth and gives {@link #compute}
 * its per-key atomicity. Prefix and wildcard entries are also indexed ({@link PrefixIndex}, {@link WildcardIndex})
 * through a shared {@link Slot}, so the index changes only when an entry appears or disappears (under that index's
 * monitor), while replacing the value of a present entry is one volatile write.
 *
 * <p>Reads take no lock and may run during writes: they see each entry either before or after a concurrent change,
 * and always see an entry that stays present during the whole read.
 */
public final class UriTable<V> {

    private final ConcurrentHashMap<String, V> exact = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Slot<V>> prefixes = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Slot<V>> wildcards = new ConcurrentHashMap<>();
    private final PrefixIndex<V> prefixIndex = new PrefixIndex<>();
    private final WildcardIndex<V> wildcardIndex = new WildcardIndex<>();

    /** The value of the entry (policy, uri), or {@code null}. */
    public @Nullable V get(MatchPolicy policy, String uri) {
        if (policy == MatchPolicy.EXACT) {
            return exact.get(uri);
        }
        Slot<V> slot = slots(policy).get(uri);
        return slot == null ? null : slot.value;
    }

    /**
     * Atomic per (policy, uri), like {@link ConcurrentHashMap#compute}: the function may return the same (mutable)
     * value, a new one, or null to remove the entry. Returns the new value. The function must be short and must not
     * use this table.
     */
    public @Nullable V compute(MatchPolicy policy, String uri,
            BiFunction<String, @Nullable V, @Nullable V> remapping) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(remapping, "remapping");
        if (policy == MatchPolicy.EXACT) {
            return exact.compute(uri, remapping);
        }
        Remap remap = new Remap(remapping, policy == MatchPolicy.PREFIX);
        slots(policy).compute(uri, remap);
        return remap.result;
    }

    /**
     * The dealer's choice for an actual URI: the exact entry if present, else the longest matching prefix, else the
     * best wildcard (the one with the longest runs of concrete components before its wildcards); null if none.
     */
    public @Nullable V bestMatch(String uri) {
        V value = exact.get(uri);
        if (value != null) {
            return value;
        }
        Slot<V> slot = prefixIndex.longest(uri);
        if (slot == null) {
            slot = wildcardIndex.best(uri);
        }
        return slot == null ? null : slot.value;
    }

    /** The broker's view: every matching entry exactly once (exact, every matching prefix, every matching wildcard). */
    public void forEachMatch(String uri, Consumer<? super V> action) {
        V value = exact.get(uri);
        if (value != null) {
            action.accept(value);
        }
        prefixIndex.forEachMatch(uri, action);
        wildcardIndex.forEachMatch(uri, action);
    }

    /** {@link #forEachMatch} collected: exact first, then prefixes from the shortest, then wildcards from the best. */
    public List<V> matches(String uri) {
        List<V> all = new ArrayList<>();
        forEachMatch(uri, all::add);
        return all;
    }

    public int size() {
        return exact.size() + prefixes.size() + wildcards.size();
    }

    /** Every entry, weakly consistent like the iteration of a {@link ConcurrentHashMap}. */
    public void forEach(BiConsumer<MatchKey, ? super V> action) {
        exact.forEach((uri, value) -> action.accept(new MatchKey(MatchPolicy.EXACT, uri), value));
        prefixes.forEach((uri, slot) -> action.accept(new MatchKey(MatchPolicy.PREFIX, uri), slot.value));
        wildcards.forEach((uri, slot) -> action.accept(new MatchKey(MatchPolicy.WILDCARD, uri), slot.value));
    }

    private ConcurrentHashMap<String, Slot<V>> slots(MatchPolicy policy) {
        return policy == MatchPolicy.PREFIX ? prefixes : wildcards;
    }

    /** Index nodes of both pattern indexes, for tests: zero once every pattern entry is gone. */
    int indexNodeCount() {
        return prefixIndex.nodeCount() + wildcardIndex.nodeCount();
    }

    /** Entries added to or removed from the pattern indexes so far, for tests. */
    long indexChanges() {
        return prefixIndex.changes() + wildcardIndex.changes();
    }

    /**
     * Runs inside the map's compute for one pattern key, so appearing and disappearing entries reach the index while
     * the key is still held: no other compute of that key can slip between the map and the index.
     */
    private final class Remap implements BiFunction<String, @Nullable Slot<V>, @Nullable Slot<V>> {

        private final BiFunction<String, @Nullable V, @Nullable V> remapping;
        private final boolean prefix;
        @Nullable V result;

        Remap(BiFunction<String, @Nullable V, @Nullable V> remapping, boolean prefix) {
            this.remapping = remapping;
            this.prefix = prefix;
        }

        @Override
        public @Nullable Slot<V> apply(String uri, @Nullable Slot<V> slot) {
            V next = remapping.apply(uri, slot == null ? null : slot.value);
            result = next;
            if (next == null) {
                if (slot != null) {
                    if (prefix) {
                        prefixIndex.remove(slot);
                    } else {
                        wildcardIndex.remove(slot);
                    }
                }
                return null;
            }
            if (slot != null) {
                slot.value = next; // stays present: the index already points at this slot
                return slot;
            }
            Slot<V> created = new Slot<>(uri, next);
            if (prefix) {
                prefixIndex.add(created);
            } else {
                wildcardIndex.add(created);
            }
            return created;
        }
    }
}
