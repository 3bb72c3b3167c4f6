package io.wampspring.router;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A concurrent map that allocates its {@link ConcurrentHashMap} on the first {@link #put}. Most of a session's
 * per-session maps (registrations, subscriptions, calls awaited, invocations owed) stay empty for its whole life, and
 * an empty {@code ConcurrentHashMap} costs 64 bytes where this costs 16. Safe for any number of threads; once
 * allocated, the map stays (an entry is never lost to a map being dropped while another thread puts).
 */
final class OnDemandMap<K, V> {

    private static final VarHandle MAP = VarHandles.field(MethodHandles.lookup(), "map", ConcurrentHashMap.class);

    private volatile @Nullable ConcurrentHashMap<K, V> map;

    @Nullable V get(K key) {
        ConcurrentHashMap<K, V> current = map;
        return current != null ? current.get(key) : null;
    }

    boolean containsKey(K key) {
        ConcurrentHashMap<K, V> current = map;
        return current != null && current.containsKey(key);
    }

    @Nullable V put(K key, V value) {
        return allocated().put(key, value);
    }

    @Nullable V remove(K key) {
        ConcurrentHashMap<K, V> current = map;
        return current != null ? current.remove(key) : null;
    }

    boolean remove(K key, V value) {
        ConcurrentHashMap<K, V> current = map;
        return current != null && current.remove(key, value);
    }

    int size() {
        ConcurrentHashMap<K, V> current = map;
        return current != null ? current.size() : 0;
    }

    boolean isEmpty() {
        ConcurrentHashMap<K, V> current = map;
        return current == null || current.isEmpty();
    }

    /** The keys, weakly consistent as {@link ConcurrentHashMap#keySet()}: removing while iterating is safe. */
    Set<K> keys() {
        ConcurrentHashMap<K, V> current = map;
        return current != null ? current.keySet() : Set.of();
    }

    /** The values, weakly consistent as {@link ConcurrentHashMap#values()}. */
    Collection<V> values() {
        ConcurrentHashMap<K, V> current = map;
        return current != null ? current.values() : List.of();
    }

    /** Whether the map has been allocated: for tests. */
    boolean isAllocated() {
        return map != null;
    }

    @SuppressWarnings("unchecked")
    private ConcurrentHashMap<K, V> allocated() {
        ConcurrentHashMap<K, V> current = map;
        if (current != null) {
            return current;
        }
        ConcurrentHashMap<K, V> created = new ConcurrentHashMap<>();
        // two threads may race to allocate: the loser takes the winner's map, so no entry lands in a dropped one
        ConcurrentHashMap<K, V> witness = (ConcurrentHashMap<K, V>) MAP.compareAndExchange(this, null, created);
        return witness != null ? witness : created;
    }
}
