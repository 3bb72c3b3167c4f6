package io.wampspring.router.match;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * A node of a trie over URI components: the key that leads to it from its parent, and its children in a hash table
 * that readers query with a region of the URI, so walking a URI allocates no substrings. The table holds the child
 * nodes themselves (open addressing, linear probing), so one step down costs few dependent memory loads: the table,
 * the child, its key.
 *
 * <p>Writers must be serialized by the caller (the index's monitor). Readers take no lock: the table is published
 * whole through a volatile field, and a slot only goes from empty to a child, from a child to {@link #REMOVED} or back
 * to a child, each with a release store, so a probe never meets a half-built node and always ends at an empty slot
 * (at most three quarters of the slots are ever in use). Too many removed slots, or too few children for the
 * capacity, make the next write rebuild the table.
 */
abstract class TrieNode<N extends TrieNode<N>> {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(TrieNode[].class);
    private static final TrieNode<?> REMOVED = new Removed();
    private static final int MIN_CAPACITY = 2;

    /** The component (or piece of one) that leads here from the parent; unused for a root. */
    final String key;
    /** {@code key.hashCode()}, compared before the key. */
    final int keyHash;
    private volatile TrieNode<?> @Nullable [] table;
    private int size; // writers only
    private int used; // live and removed slots; writers only

    TrieNode(String key) {
        this.key = key;
        this.keyHash = key.hashCode();
    }

    /** The child whose key is {@code s.substring(from, to)}; {@code hash} is that key's {@link #hash}. */
    final @Nullable N child(String s, int from, int to, int hash) {
        TrieNode<?>[] slots = table;
        if (slots == null) {
            return null;
        }
        int mask = slots.length - 1;
        int length = to - from;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            TrieNode<?> node = (TrieNode<?>) SLOT.getAcquire(slots, i);
            if (node == null) {
                return null;
            }
            if (node.keyHash == hash && node != REMOVED && node.key.length() == length
                    && node.key.regionMatches(0, s, from, length)) {
                @SuppressWarnings("unchecked")
                N child = (N) node;
                return child;
            }
        }
    }

    final @Nullable N child(String s, int from, int to) {
        return child(s, from, to, hash(s, from, to));
    }

    final @Nullable N child(String key) {
        return child(key, 0, key.length(), key.hashCode());
    }

    /** Writers only: adds the child, or replaces the one with the same key. */
    final void putChild(N child) {
        TrieNode<?>[] slots = table;
        if (slots != null) {
            int at = indexOf(slots, child.key, child.keyHash);
            if (at >= 0) {
                SLOT.setRelease(slots, at, child);
                return;
            }
        }
        if (slots == null || (used + 1) * 4L > slots.length * 3L) {
            slots = rebuild(size + 1);
        }
        int mask = slots.length - 1;
        int i = spread(child.keyHash) & mask;
        Object existing;
        while ((existing = SLOT.getAcquire(slots, i)) != null && existing != REMOVED) {
            i = (i + 1) & mask;
        }
        if (existing == null) {
            used++;
        }
        size++;
        SLOT.setRelease(slots, i, child);
    }

    /** Writers only: removes the child with this key. */
    final void removeChild(String key) {
        TrieNode<?>[] slots = table;
        int at = slots == null ? -1 : indexOf(slots, key, key.hashCode());
        if (at < 0) {
            return;
        }
        SLOT.setRelease(slots, at, REMOVED);
        size--;
        if (size == 0) {
            table = null;
            used = 0;
        } else if (slots.length > 8 && size * 8 < slots.length) {
            rebuild(size);
        }
    }

    final boolean hasChildren() {
        return table != null;
    }

    /** Writers and tests only. */
    @SuppressWarnings("unchecked")
    final void forEachChild(Consumer<? super N> action) {
        TrieNode<?>[] slots = table;
        if (slots != null) {
            for (TrieNode<?> node : slots) {
                if (node != null && node != REMOVED) {
                    action.accept((N) node);
                }
            }
        }
    }

    /** {@link String#hashCode} of {@code s.substring(from, to)}, the hash that {@link #child} expects. */
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

    private static int indexOf(TrieNode<?>[] slots, String key, int hash) {
        int mask = slots.length - 1;
        for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
            TrieNode<?> node = (TrieNode<?>) SLOT.getAcquire(slots, i);
            if (node == null) {
                return -1;
            }
            if (node != REMOVED && node.keyHash == hash && node.key.equals(key)) {
                return i;
            }
        }
    }

    /** A new table for {@code live} children at half load, filled before it is published. */
    private TrieNode<?>[] rebuild(int live) {
        int capacity = Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, live * 2 - 1)) << 1);
        TrieNode<?>[] fresh = new TrieNode<?>[capacity];
        forEachChild(node -> {
            int i = spread(node.keyHash) & (capacity - 1);
            while (fresh[i] != null) {
                i = (i + 1) & (capacity - 1);
            }
            fresh[i] = node;
        });
        used = size;
        table = fresh;
        return fresh;
    }

    /** The mark of a removed slot; never a child of anything. */
    private static final class Removed extends TrieNode<Removed> {

        Removed() {
            super("");
        }
    }
}
