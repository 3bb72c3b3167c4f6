package io.wampspring.router.match;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The prefix entries, in a trie over URI components whose nodes also hold the partial last pieces of prefixes.
 *
 * <p>A prefix is a string prefix, so it may end inside a component: {@code com.myapp.myobject1} matches
 * {@code com.myapp.myobject1-mysubobject1}. Split at its dots, a prefix is some whole components followed by one last
 * piece, possibly empty ({@code com.myapp.} is {@code com}, {@code myapp} and {@code ""}). A URI starts with it
 * exactly when its first components equal the whole ones and its next component starts with the piece. So the
 * entry lives in the node of its whole components, under its last piece, and a lookup walks the URI's components
 * down the trie, asking each node which of its pieces start the next component.
 *
 * <p>Why components and not characters: a character trie branches at every digit of {@code svc17} or
 * {@code obj512}, so its paths (and a lookup's dependent memory loads) grow with the number of entries until the
 * tree is dense; here a lookup takes one hash probe per component, and per component one probe for each distinct
 * length of the pieces kept at that node (a bit mask says which), all without allocating: keys are compared as
 * regions of the URI ({@link ComponentMap}), and the hash of a piece grows character by character along the
 * component. Its cost is bounded by the URI's length, whatever the number of entries.
 *
 * <p>Concurrency: writers hold this index's monitor; readers take no lock. Nodes are attached before they hold
 * anything and detached only when empty, so a reader inside a detached node misses nothing that was present
 * throughout its lookup.
 */
final class PrefixIndex<V> {

    private final Node<V> root = new Node<>();
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
     * Walks the URI's components; hands every match to {@code action}, shortest first (deeper nodes and longer
     * pieces make longer prefixes), and returns the last one.
     */
    private @Nullable Slot<V> walk(String uri, @Nullable Consumer<? super V> action) {
        Slot<V> last = null;
        Node<V> node = root;
        int start = 0;
        int length = uri.length();
        while (true) {
            // one pass finds the end of the component and its hash
            int end = start;
            int hash = 0;
            for (char c; end < length && (c = uri.charAt(end)) != '.'; end++) {
                hash = 31 * hash + c;
            }
            long lengths = node.pieceLengths;
            if (lengths != 0) {
                Slot<V> found = matchPieces(node, lengths, uri, start, end, action);
                if (found != null) {
                    last = found;
                }
            }
            if (end == length) {
                return last;
            }
            node = node.children.get(uri, start, end, hash);
            if (node == null) {
                return last;
            }
            start = end + 1;
        }
    }

    /** The pieces of {@code node} that start the component {@code uri[start, end)}, shortest first. */
    private static <V> @Nullable Slot<V> matchPieces(Node<V> node, long lengths, String uri, int start, int end,
            @Nullable Consumer<? super V> action) {
        Slot<V> last = null;
        int hash = 0;
        for (int length = 0; length <= end - start; length++) {
            if (length > 0) {
                hash = 31 * hash + uri.charAt(start + length - 1);
            }
            int bit = Math.min(length, 63);
            if ((lengths >>> bit) == 0) {
                break; // no longer pieces at this node
            }
            if ((lengths & (1L << bit)) != 0) {
                Slot<V> slot = node.pieces.get(uri, start, start + length, hash);
                if (slot != null) {
                    last = slot;
                    if (action != null) {
                        action.accept(slot.value);
                    }
                }
            }
        }
        return last;
    }

    synchronized void add(Slot<V> slot) {
        changes++;
        String key = slot.uri;
        Node<V> node = root;
        int start = 0;
        for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', start)) {
            String component = key.substring(start, dot);
            Node<V> child = node.children.get(component);
            if (child == null) {
                child = new Node<>();
                node.children.put(component, child);
            }
            node = child;
            start = dot + 1;
        }
        String piece = key.substring(start);
        if (node.pieces.get(piece) == null) {
            node.countLength(piece.length(), 1);
        }
        node.pieces.put(piece, slot);
    }

    /** Removes {@code slot} if it is the index's entry for its URI, and detaches the nodes left empty. */
    synchronized void remove(Slot<V> slot) {
        String key = slot.uri;
        int depth = 0;
        for (int i = key.indexOf('.'); i >= 0; i = key.indexOf('.', i + 1)) {
            depth++;
        }
        @SuppressWarnings("unchecked")
        Node<V>[] path = (Node<V>[]) new Node<?>[depth + 1];
        String[] components = new String[depth];
        path[0] = root;
        int start = 0;
        for (int d = 0; d < depth; d++) {
            int dot = key.indexOf('.', start);
            components[d] = key.substring(start, dot);
            path[d + 1] = path[d].children.get(components[d]);
            if (path[d + 1] == null) {
                return;
            }
            start = dot + 1;
        }
        Node<V> node = path[depth];
        String piece = key.substring(start);
        if (node.pieces.get(piece) != slot) {
            return;
        }
        changes++;
        node.pieces.remove(piece);
        node.countLength(piece.length(), -1);
        for (int d = depth; d > 0 && path[d].isEmpty(); d--) {
            path[d - 1].children.remove(components[d - 1]);
        }
    }

    /** Nodes below the root: zero when the index is empty. */
    synchronized int nodeCount() {
        int count = 0;
        ArrayDeque<Node<V>> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            todo.pop().children.forEachValue(child -> todo.push(child));
            count++;
        }
        return count - 1;
    }

    /** How many entries were added or removed: a value that stays present must not count. */
    synchronized long changes() {
        return changes;
    }

    private static final class Node<V> {

        final ComponentMap<Node<V>> children = new ComponentMap<>();
        /** Last pieces of the prefixes that end at this node, by the piece. */
        final ComponentMap<Slot<V>> pieces = new ComponentMap<>();
        /** Bit n: a piece of length n is here (bit 63: of 63 or more), so lookups only probe lengths that exist. */
        volatile long pieceLengths;
        /** Writers only: pieces per length (index: the bit), to clear a bit when its last piece goes. */
        int @Nullable [] lengthCounts;

        void countLength(int length, int delta) {
            int bit = Math.min(length, 63);
            int[] counts = lengthCounts;
            if (counts == null || counts.length <= bit) {
                counts = counts == null ? new int[bit + 1] : Arrays.copyOf(counts, bit + 1);
                lengthCounts = counts;
            }
            counts[bit] += delta;
            long lengths = counts[bit] > 0 ? pieceLengths | (1L << bit) : pieceLengths & ~(1L << bit);
            pieceLengths = lengths;
            if (lengths == 0) {
                lengthCounts = null;
            }
        }

        boolean isEmpty() {
            return pieces.isEmpty() && children.isEmpty();
        }
    }
}
