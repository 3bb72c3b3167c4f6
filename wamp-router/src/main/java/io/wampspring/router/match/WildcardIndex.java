package io.wampspring.router.match;

import java.util.ArrayDeque;
import java.util.Map;
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
 * detached through concurrent maps and volatile fields; a node is detached only when it holds no entry and no
 * children, so a reader inside a detached node misses nothing that was present throughout its lookup.
 */
final class WildcardIndex<V> {

    private final ConcurrentHashMap<Integer, Node<V>> roots = new ConcurrentHashMap<>();
    private long changes; // guarded by this

    /** The best matching pattern for {@code uri}, by the tie-break above. */
    @Nullable Slot<V> best(String uri) {
        Node<V> root = roots.get(componentCount(uri));
        return root == null ? null : walk(root, components(uri), null);
    }

    /** Every matching pattern, best first. */
    void forEachMatch(String uri, Consumer<? super V> action) {
        Node<V> root = roots.get(componentCount(uri));
        if (root != null) {
            walk(root, components(uri), action);
        }
    }

    /**
     * Depth-first, concrete child before wildcard child; iterative so that a URI with very many components cannot
     * overflow the stack. Stops at the first entry when {@code action} is null, else hands every entry to it.
     */
    private static <V> @Nullable Slot<V> walk(Node<V> root, String[] parts, @Nullable Consumer<? super V> action) {
        int depth = parts.length;
        @SuppressWarnings("unchecked")
        Node<V>[] path = (Node<V>[]) new Node<?>[depth + 1];
        byte[] tried = new byte[depth + 1]; // 0: nothing yet, 1: concrete child, 2: both children
        path[0] = root;
        int d = 0;
        while (d >= 0) {
            Node<V> node = path[d];
            if (d == depth) {
                Slot<V> slot = node.slot;
                if (slot != null) {
                    if (action == null) {
                        return slot;
                    }
                    action.accept(slot.value);
                }
                d--;
                continue;
            }
            Node<V> next = null;
            if (tried[d] == 0) {
                tried[d] = 1;
                next = node.child(parts[d]);
            }
            if (next == null && tried[d] == 1) {
                tried[d] = 2;
                next = node.wildcard;
            }
            if (next == null) {
                d--;
                continue;
            }
            d++;
            path[d] = next;
            tried[d] = 0;
        }
        return null;
    }

    synchronized void add(Slot<V> slot) {
        changes++;
        String[] parts = components(slot.uri);
        Node<V> node = roots.computeIfAbsent(parts.length, count -> new Node<>());
        for (String part : parts) {
            node = node.childOrCreate(part);
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
            path[d - 1].detach(parts[d - 1]);
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
            Map<String, Node<V>> children = node.children;
            if (children != null) {
                todo.addAll(children.values());
            }
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

    private static final class Node<V> {

        // created on first concrete child: most nodes are leaves
        volatile @Nullable ConcurrentHashMap<String, Node<V>> children;
        volatile @Nullable Node<V> wildcard;
        volatile @Nullable Slot<V> slot;

        @Nullable Node<V> child(String part) {
            Map<String, Node<V>> map = children;
            return map == null ? null : map.get(part);
        }

        /** Writers only: the child for a pattern component, the wildcard child for an empty one. */
        Node<V> childOrCreate(String part) {
            if (part.isEmpty()) {
                Node<V> existing = wildcard;
                if (existing == null) {
                    existing = new Node<>();
                    wildcard = existing;
                }
                return existing;
            }
            ConcurrentHashMap<String, Node<V>> map = children;
            if (map == null) {
                map = new ConcurrentHashMap<>(2);
                children = map;
            }
            return map.computeIfAbsent(part, key -> new Node<>());
        }

        /** Writers only. */
        void detach(String part) {
            if (part.isEmpty()) {
                wildcard = null;
                return;
            }
            ConcurrentHashMap<String, Node<V>> map = children;
            if (map != null) {
                map.remove(part);
                if (map.isEmpty()) {
                    children = null;
                }
            }
        }

        boolean isEmpty() {
            Map<String, Node<V>> map = children;
            return slot == null && wildcard == null && (map == null || map.isEmpty());
        }
    }
}
