package io.wampspring.router.match;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A hash map from string keys (URI components or pieces of one) that readers query with a region of a longer string,
 * so that walking a URI allocates no substrings. Open addressing with linear probing over immutable entries.
 *
 * <p>Writers must be serialized by the caller (the index's monitor). Readers take no lock: the table is published
 * whole through a volatile field, and each slot only goes from empty to an entry, from an entry to
 * {@link #REMOVED} or back to an entry, each with a release store, so a probe never meets a half-built entry and
 * always ends at an empty slot (at most three quarters of the slots are ever in use). Too many removed slots, or too
 * few live entries for the capacity, make the next write rebuild the table.
 */
final class ComponentMap<T> {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Entry[].class);
    private static final Entry<?> REMOVED = new Entry<>("", 0, "removed");
    private static final int MIN_CAPACITY = 2;

    private volatile Entry<T> @Nullable [] table;
    private int size; // writers only
    private int used; // live and removed slots; writers only

    /** The value for the key {@code s.substring(from, to)}. */
    @Nullable T get(String s, int from, int to) {
        return get(s, from, to, hash(s, from, to));
    }

    /** The same with the key's hash already known ({@link #hash}), as when probing growing pieces of one string. */
    @Nullable T get(String s, int from, int to, int hash) {
        Entry<T>[] slots = table;
        if (slots == null) {
            return null;
        }
        int mask = slots.length - 1;
        int length = to - from;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            @SuppressWarnings("unchecked")
            Entry<T> entry = (Entry<T>) SLOT.getAcquire(slots, i);
            if (entry == null) {
                return null;
            }
            if (entry != REMOVED && entry.hash == hash && entry.key.length() == length
                    && entry.key.regionMatches(0, s, from, length)) {
                return entry.value;
            }
        }
    }

    @Nullable T get(String key) {
        return get(key, 0, key.length(), key.hashCode());
    }

    /** Writers only: adds the entry or replaces its value. */
    void put(String key, T value) {
        int hash = key.hashCode();
        Entry<T>[] slots = table;
        if (slots != null) {
            int at = indexOf(slots, key, hash);
            if (at >= 0) {
                SLOT.setRelease(slots, at, new Entry<>(key, hash, value));
                return;
            }
        }
        if (slots == null || (used + 1) * 4L > slots.length * 3L) {
            slots = rebuild(size + 1);
        }
        int mask = slots.length - 1;
        int i = spread(hash) & mask;
        Object existing;
        while ((existing = SLOT.getAcquire(slots, i)) != null && existing != REMOVED) {
            i = (i + 1) & mask;
        }
        if (existing == null) {
            used++;
        }
        size++;
        SLOT.setRelease(slots, i, new Entry<>(key, hash, value));
    }

    /** Writers only: removes the key, returns its value. */
    @Nullable T remove(String key) {
        Entry<T>[] slots = table;
        if (slots == null) {
            return null;
        }
        int at = indexOf(slots, key, key.hashCode());
        if (at < 0) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Entry<T> removed = (Entry<T>) SLOT.getAcquire(slots, at);
        SLOT.setRelease(slots, at, REMOVED);
        size--;
        if (size == 0) {
            table = null;
            used = 0;
        } else if (slots.length > 8 && size * 8 < slots.length) {
            rebuild(size);
        }
        return removed.value;
    }

    boolean isEmpty() {
        return table == null;
    }

    /** Writers and tests only. */
    void forEachValue(Consumer<? super T> action) {
        Entry<T>[] slots = table;
        if (slots != null) {
            for (Entry<T> entry : slots) {
                if (entry != null && entry != REMOVED) {
                    action.accept(entry.value);
                }
            }
        }
    }

    /** {@link String#hashCode} of {@code s.substring(from, to)}. */
    static int hash(String s, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + s.charAt(i);
        }
        return hash;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private static <T> int indexOf(Entry<T>[] slots, String key, int hash) {
        int mask = slots.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            Object entry = SLOT.getAcquire(slots, i);
            if (entry == null) {
                return -1;
            }
            if (entry != REMOVED && ((Entry<?>) entry).hash == hash && ((Entry<?>) entry).key.equals(key)) {
                return i;
            }
        }
    }

    /** A new table for {@code live} entries at half load, filled before it is published. */
    private Entry<T>[] rebuild(int live) {
        int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, live * 2 - 1)) << 1);
        @SuppressWarnings("unchecked")
        Entry<T>[] fresh = (Entry<T>[]) new Entry<?>[capacity];
        forEachEntry(entry -> {
            int i = spread(entry.hash) & (capacity - 1);
            while (fresh[i] != null) {
                i = (i + 1) & (capacity - 1);
            }
            fresh[i] = entry;
        });
        used = size;
        table = fresh;
        return fresh;
    }

    private void forEachEntry(Consumer<Entry<T>> action) {
        Entry<T>[] slots = table;
        if (slots != null) {
            for (Entry<T> entry : slots) {
                if (entry != null && entry != REMOVED) {
                    action.accept(entry);
                }
            }
        }
    }

    private record Entry<T>(String key, int hash, T value) {
    }
}
