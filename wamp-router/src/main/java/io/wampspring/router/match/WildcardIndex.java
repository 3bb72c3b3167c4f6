package io.wampspring.router.match;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The wildcard entries: one trie over components per component count, where each node has its concrete children in
 * a hash map and at most one wildcard child (an empty component of the pattern).
 *
 * <p>A URI only meets the trie for its own component count, and at each depth follows at most two edges: the child
 * named like its component and the wildcard child. The cost of a lookup depends on the URI and on how many patterns
 * actually match its components, never on how many wildcard entries there are in total.
 *
 * <p>Tie-break for the dealer (spec, pattern-based registration): the best pattern has the longest run of concrete
 * components before each wildcard, compared run by run. That is the pattern with a concrete component at the first
 * position where it differs from another candidate, so a depth-first walk that tries the concrete child before the
 * wildcard child meets the best match first.
 *
 * <p>Concurrency: writers hold this index's monitor; readers take no lock. Nodes are never moved, only attached and
 * detached through the children tables ({@link TrieNode}) and volatile fields; a node is detached only when it
 * holds no entry and no children, so a reader inside a detached node misses nothing that was present throughout its
 * lookup. A lookup allocates nothing (short of boxing a component count above 127): components are compared as
 * regions of the URI.
 */
final class WildcardIndex<V> {

    private final ConcurrentHashMap<Integer, Node<V>> roots = new ConcurrentHashMap<>();
    private long changes; // guarded by this

    /** The best matching pattern for {@code uri}, by the tie-break above. */
    @Nullable Slot<V> best(String uri) {
        int count = componentCount(uri);
        Node<V> root = roots.get(count);
        return root == null ? null : walk(root, uri, count, null);
    }

    /** Every matching pattern, best first. */
    void forEachMatch(String uri, Consumer<? super V> action) {
        int count = componentCount(uri);
        Node<V> root = roots.get(count);
        if (root != null) {
            walk(root, uri, count, action);
        }
    }

    /**
     * Depth-first, concrete child before wildcard child. Neither allocates nor recurses (a URI may have very many
     * components): a node knows its parent and whether it is that parent's wildcard child, which is all backtracking
     * needs. Stops at the first entry when {@code action} is null, else hands every entry to it.
     */
    private static <V> @Nullable Slot<V> walk(Node<V> root, String uri, int count,
            @Nullable Consumer<? super V> action) {
        Node<V> node = root;
        int depth = 0;
        int start = 0; // where the component at this depth starts
        while (true) {
            Node<V> next = null;
            int end = 0;
            if (depth < count) {
                end = uri.indexOf('.', start);
                if (end < 0) {
                    end = uri.length();
                }
                next = node.child(uri, start, end);
                if (next == null) {
                    next = node.wildcard;
                }
            } else {
                Slot<V> slot = node.slot;
                if (slot != null) {
                    if (action == null) {
                        return slot;
                    }
                    action.accept(slot.value);
                }
            }
            if (next != null) {
                node = next;
                depth++;
                start = end + 1;
                continue;
            }
            // up to the nearest ancestor whose wildcard child is still to be tried
            while (true) {
                if (node == root) {
                    return null;
                }
                boolean fromWildcard = node.wildcardEdge;
                int childStart = start;
                node = node.parent;
                depth--;
                start = uri.lastIndexOf('.', childStart - 2) + 1;
                Node<V> wildcard = fromWildcard ? null : node.wildcard;
                if (wildcard != null) {
                    node = wildcard;
                    depth++;
                    start = childStart;
                    break;
                }
            }
        }
    }

    synchronized void add(Slot<V> slot) {
        changes++;
        String[] parts = components(slot.uri);
        Node<V> node = roots.computeIfAbsent(parts.length, count -> new Node<>("", null, false));
        for (String part : parts) {
            Node<V> next = part.isEmpty() ? node.wildcard : node.child(part);
            if (next == null) {
                next = new Node<>(part, node, part.isEmpty());
                if (part.isEmpty()) {
                    node.wildcard = next;
                } else {
                    node.putChild(next);
                }
            }
            node = next;
        }
        node.slot = slot;
    }

    /** Removes {@code slot} if it is the index's entry for its URI, and detaches the nodes left empty. */
    synchronized void remove(Slot<V> slot) {
        String[] parts = components(slot.uri);
        Node<V> root = roots.get(parts.length);
        if (root == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Node<V>[] path = (Node<V>[]) new Node<?>[parts.length + 1];
        path[0] = root;
        for (int d = 0; d < parts.length; d++) {
            Node<V> next = parts[d].isEmpty() ? path[d].wildcard : path[d].child(parts[d]);
            if (next == null) {
                return;
            }
            path[d + 1] = next;
        }
        if (path[parts.length].slot != slot) {
            return;
        }
        changes++;
        path[parts.length].slot = null;
        for (int d = parts.length; d > 0 && path[d].isEmpty(); d--) {
            if (parts[d - 1].isEmpty()) {
                path[d - 1].wildcard = null;
            } else {
                path[d - 1].removeChild(parts[d - 1]);
            }
        }
        if (root.isEmpty()) {
            roots.remove(parts.length, root);
        }
    }

    /** Nodes in all tries, roots included: zero when the index is empty. */
    synchronized int nodeCount() {
        int count = 0;
        ArrayDeque<Node<V>> todo = new ArrayDeque<>(roots.values());
        while (!todo.isEmpty()) {
            Node<V> node = todo.pop();
            count++;
            node.forEachChild(todo::push);
            Node<V> wildcard = node.wildcard;
            if (wildcard != null) {
                todo.push(wildcard);
            }
        }
        return count;
    }

    /** How many entries were added or removed: a value that stays present must not count. */
    synchronized long changes() {
        return changes;
    }

    static int componentCount(String uri) {
        int count = 1;
        for (int i = uri.indexOf('.'); i >= 0; i = uri.indexOf('.', i + 1)) {
            count++;
        }
        return count;
    }

    /** The dot-separated components, empty ones included (unlike {@link String#split}, which drops trailing ones). */
    static String[] components(String uri) {
        String[] parts = new String[componentCount(uri)];
        int start = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            int dot = uri.indexOf('.', start);
            parts[i] = uri.substring(start, dot);
            start = dot + 1;
        }
        parts[parts.length - 1] = uri.substring(start);
        return parts;
    }

    private static final class Node<V> extends TrieNode<Node<V>> {

        /** Null for a root; nodes never move, so a reader can always climb back. */
        final @Nullable Node<V> parent;
        /** Whether this node is its parent's wildcard child rather than a concrete one. */
        final boolean wildcardEdge;

        /** The child for an empty component of the pattern. */
        volatile @Nullable Node<V> wildcard;
        /** The entry whose pattern ends here; only at the depth of the trie's component count. */
        volatile @Nullable Slot<V> slot;

        Node(String key, @Nullable Node<V> parent, boolean wildcardEdge) {
            super(key);
            this.parent = parent;
            this.wildcardEdge = wildcardEdge;
        }

        boolean isEmpty() {
            return slot == null && wildcard == null && !hasChildren();
        }
    }
}
