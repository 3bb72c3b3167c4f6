package io.wampspring.router.match;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The prefix entries, in a trie over URI components where a prefix's partial last component is a node too.
 *
 * <p>A prefix is a string prefix, so it may end inside a component: {@code com.myapp.myobject1} matches
 * {@code com.myapp.myobject1-mysubobject1}. Split at its dots, a prefix is some whole components and one last
 * <em>piece</em>, possibly empty ({@code com.myapp.} is {@code com}, {@code myapp} and {@code ""}); a URI starts with
 * it exactly when its first components equal the whole ones and its next component starts with the piece. The
 * entry sits in the node reached by its whole components and then its piece. A lookup walks the URI's components
 * down the trie; at each node it also probes, among the children, the beginnings of the next component, but only at
 * the lengths that some child holding an entry has (a bit mask), and a whole component is both the step down and the
 * piece of that length.
 *
 * <p>Why components and not characters: a character trie branches at every digit of {@code svc17} or
 * {@code obj512}, so its paths (and a lookup's dependent memory loads) grow with the number of entries until the tree
 * is dense. Here a lookup takes one hash probe per component plus one per matching piece length, without allocating:
 * keys are compared as regions of the URI ({@link TrieNode}), and the hash of a piece grows character by character
 * along the component, up to the hash of the whole component. Its cost is bounded by the URI's length, whatever the
 * number of entries.
 *
 * <p>Concurrency: writers hold this index's monitor; readers take no lock. Nodes are attached before they hold an
 * entry and detached only when empty, so a reader inside a detached node misses nothing that was present throughout
 * its lookup.
 */
final class PrefixIndex<V> {

    private final Node<V> root = new Node<>("");
    private long changes; // guarded by this

    /** Every entry whose URI is a prefix of {@code uri}, shortest first. */
    void forEachMatch(String uri, Consumer<? super V> action) {
        walk(uri, action);
    }

    /** The entry with the longest URI that is a prefix of {@code uri}. */
    @Nullable Slot<V> longest(String uri) {
        return walk(uri, null);
    }

    /**
     * Hands every match to {@code action}, shortest first (longer pieces, then deeper nodes, make longer prefixes),
     * and returns the last one.
     */
    private @Nullable Slot<V> walk(String uri, @Nullable Consumer<? super V> action) {
        Slot<V> last = null;
        Node<V> node = root;
        int length = uri.length();
        int start = 0;
        while (true) {
            long lengths = node.pieceLengths;
            int hash = 0;
            int end = start;
            char c;
            // pieces shorter than the component, probed only at lengths this node has, until no longer ones are left
            while (lengths != 0 && end < length && (c = uri.charAt(end)) != '.') {
                int bit = Math.min(end - start, 63);
                if ((lengths & (1L << bit)) != 0) {
                    Slot<V> slot = entryAt(node.child(uri, start, end, hash), action);
                    if (slot != null) {
                        last = slot;
                    }
                }
                if (bit < 63) {
                    lengths &= -2L << bit; // clears this length and all shorter ones
                }
                hash = 31 * hash + c;
                end++;
            }
            for (; end < length && (c = uri.charAt(end)) != '.'; end++) {
                hash = 31 * hash + c;
            }
            node = node.child(uri, start, end, hash);
            if (node == null) {
                return last;
            }
            Slot<V> slot = entryAt(node, action); // the whole component as the piece
            if (slot != null) {
                last = slot;
            }
            if (end == length) {
                return last;
            }
            start = end + 1;
        }
    }

    private static <V> @Nullable Slot<V> entryAt(@Nullable Node<V> node, @Nullable Consumer<? super V> action) {
        Slot<V> slot = node == null ? null : node.entry;
        if (slot != null && action != null) {
            action.accept(slot.value);
        }
        return slot;
    }

    synchronized void add(Slot<V> slot) {
        changes++;
        String key = slot.uri;
        Node<V> node = root;
        Node<V> parent = root;
        int start = 0;
        while (true) {
            int dot = key.indexOf('.', start);
            int end = dot < 0 ? key.length() : dot;
            Node<V> child = node.child(key, start, end);
            if (child == null) {
                child = new Node<>(key.substring(start, end));
                node.putChild(child);
            }
            parent = node;
            node = child;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        if (node.entry == null) {
            parent.countPiece(node.key.length(), 1);
        }
        node.entry = slot;
    }

    /** Removes {@code slot} if it is the index's entry for its URI, and detaches the nodes left empty. */
    synchronized void remove(Slot<V> slot) {
        String key = slot.uri;
        int depth = 1;
        for (int i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) {
            depth++;
        }
        @SuppressWarnings("unchecked")
        Node<V>[] path = (Node<V>[]) new Node<?>[depth + 1];
        path[0] = root;
        int start = 0;
        for (int d = 1; d <= depth; d++) {
            int dot = key.indexOf('.', start);
            int end = dot < 0 ? key.length() : dot;
            path[d] = path[d - 1].child(key, start, end);
            if (path[d] == null) {
                return;
            }
            start = end + 1;
        }
        if (path[depth].entry != slot) {
            return;
        }
        changes++;
        path[depth].entry = null;
        path[depth - 1].countPiece(path[depth].key.length(), -1);
        for (int d = depth; d > 0 && path[d].isEmpty(); d--) {
            path[d - 1].removeChild(path[d].key);
        }
    }

    /** Nodes below the root: zero when the index is empty. */
    synchronized int nodeCount() {
        int count = 0;
        ArrayDeque<Node<V>> todo = new ArrayDeque<>();
        root.forEachChild(todo::push);
        while (!todo.isEmpty()) {
            todo.pop().forEachChild(todo::push);
            count++;
        }
        return count;
    }

    /** How many entries were added or removed: a value that stays present must not count. */
    synchronized long changes() {
        return changes;
    }

    private static final class Node<V> extends TrieNode<Node<V>> {

        /** The prefix that ends here: the path to the parent, then this node's key as its last piece. */
        volatile @Nullable Slot<V> entry;
        /** Bit n: a child with a key of length n holds an entry (bit 63: 63 or more), so lookups probe only those. */
        volatile long pieceLengths;
        /** Writers only: children holding an entry, per bit, to clear a bit when its last one goes. */
        int @Nullable [] pieceCounts;

        Node(String key) {
            super(key);
        }

        void countPiece(int length, int delta) {
            int bit = Math.min(length, 63);
            int[] counts = pieceCounts;
            if (counts == null || counts.length <= bit) {
                counts = counts == null ? new int[bit + 1] : Arrays.copyOf(counts, bit + 1);
                pieceCounts = counts;
            }
            counts[bit] += delta;
            long lengths = counts[bit] > 0 ? pieceLengths | (1L << bit) : pieceLengths & ~(1L << bit);
            pieceLengths = lengths;
            if (lengths == 0) {
                pieceCounts = null;
            }
        }

        boolean isEmpty() {
            return entry == null && !hasChildren();
        }
    }
}
