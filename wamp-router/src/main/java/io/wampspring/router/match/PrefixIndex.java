package io.wampspring.router.match;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * The prefix entries, in a compressed character trie (radix tree) over the whole URI.
 *
 * <p>Why characters and not components: a prefix is a string prefix, so it may end inside a component
 * ({@code com.myapp.myobject1} matches {@code com.myapp.myobject1-mysubobject1}). A trie over characters needs no
 * special case for that partial last component, and compressing chains of single children into one edge label keeps
 * nodes only where entries end or branch: memory grows with the entries, not with their length. A lookup compares
 * each character of the URI at most once and does one binary search in a small sorted array per branch point on its
 * path, so its cost is bounded by the URI's length whatever the number of entries.
 *
 * <p>Concurrency: writers hold this index's monitor; readers take no lock. A node's label is final, its children are
 * an immutable {@link Kids} snapshot in a volatile field, and its slot is volatile. A change of shape (an edge split
 * by an insertion, two nodes merged after a removal) builds the new node completely and publishes it with one
 * volatile write of the parent's children, so a reader sees the old shape or the new one, and both hold every entry
 * that is not being removed.
 */
final class PrefixIndex<V> {

    private final Node<V> root = new Node<>("", null, Kids.empty());
    private long changes; // guarded by this

    /** Every entry whose URI is a prefix of {@code uri}, shortest first. */
    void forEachMatch(String uri, Consumer<? super V> action) {
        Node<V> node = root;
        int pos = 0;
        while (true) {
            Slot<V> slot = node.slot;
            if (slot != null) {
                action.accept(slot.value);
            }
            Node<V> child = next(node, uri, pos);
            if (child == null) {
                return;
            }
            pos += child.label.length();
            node = child;
        }
    }

    /** The entry with the longest URI that is a prefix of {@code uri}. */
    @Nullable Slot<V> longest(String uri) {
        Slot<V> best = null;
        Node<V> node = root;
        int pos = 0;
        while (true) {
            Slot<V> slot = node.slot;
            if (slot != null) {
                best = slot;
            }
            Node<V> child = next(node, uri, pos);
            if (child == null) {
                return best;
            }
            pos += child.label.length();
            node = child;
        }
    }

    /** The child of {@code node} whose whole label continues {@code uri} at {@code pos}. */
    private static <V> @Nullable Node<V> next(Node<V> node, String uri, int pos) {
        if (pos >= uri.length()) {
            return null;
        }
        Node<V> child = node.kids.find(uri.charAt(pos));
        return child != null && uri.startsWith(child.label, pos) ? child : null;
    }

    synchronized void add(Slot<V> slot) {
        changes++;
        String key = slot.uri;
        Node<V> node = root;
        int pos = 0;
        while (pos < key.length()) {
            Kids<V> kids = node.kids;
            Node<V> child = kids.find(key.charAt(pos));
            if (child == null) {
                node.kids = kids.with(new Node<>(key.substring(pos), slot, Kids.empty()));
                return;
            }
            String label = child.label;
            int common = commonLength(label, key, pos);
            if (common == label.length()) {
                node = child;
                pos += common;
                continue;
            }
            // The key leaves the child's edge part-way: a new node takes the common part, with a copy of the child
            // below it; built completely before the parent's children point to it.
            Node<V> rest = new Node<>(label.substring(common), child.slot, child.kids);
            boolean endsHere = pos + common == key.length();
            Kids<V> below = Kids.<V>empty().with(rest);
            if (!endsHere) {
                below = below.with(new Node<>(key.substring(pos + common), slot, Kids.empty()));
            }
            node.kids = kids.with(new Node<>(label.substring(0, common), endsHere ? slot : null, below));
            return;
        }
        node.slot = slot;
    }

    /** Removes {@code slot} if it is the index's entry for its URI, and prunes the nodes it no longer needs. */
    synchronized void remove(Slot<V> slot) {
        String key = slot.uri;
        Node<V> parent = null;
        Node<V> grandparent = null;
        Node<V> node = root;
        int pos = 0;
        while (pos < key.length()) {
            Node<V> child = next(node, key, pos);
            if (child == null) {
                return;
            }
            grandparent = parent;
            parent = node;
            node = child;
            pos += child.label.length();
        }
        if (node.slot != slot) {
            return;
        }
        changes++;
        node.slot = null;
        if (parent == null) {
            return; // the root stays
        }
        Node<V> only = node.kids.only();
        if (node.kids.size() == 0) {
            parent.kids = parent.kids.without(node.label.charAt(0));
            // a parent without an entry and with one child left is an edge that no longer branches
            Node<V> sibling = parent.kids.only();
            if (grandparent != null && parent.slot == null && sibling != null) {
                grandparent.kids = grandparent.kids.with(merged(parent, sibling));
            }
        } else if (only != null) {
            parent.kids = parent.kids.with(merged(node, only));
        }
    }

    private static <V> Node<V> merged(Node<V> upper, Node<V> lower) {
        return new Node<>(upper.label + lower.label, lower.slot, lower.kids);
    }

    private static int commonLength(String label, String key, int pos) {
        int max = Math.min(label.length(), key.length() - pos);
        int i = 0;
        while (i < max && label.charAt(i) == key.charAt(pos + i)) {
            i++;
        }
        return i;
    }

    /** Nodes below the root: zero when the index is empty. */
    synchronized int nodeCount() {
        int count = 0;
        ArrayDeque<Node<V>> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            for (Node<V> child : todo.pop().kids.nodes) {
                count++;
                todo.push(child);
            }
        }
        return count;
    }

    /** How many entries were added or removed: a value that stays present must not count. */
    synchronized long changes() {
        return changes;
    }

    private static final class Node<V> {

        final String label;
        volatile @Nullable Slot<V> slot;
        volatile Kids<V> kids;

        Node(String label, @Nullable Slot<V> slot, Kids<V> kids) {
            this.label = label;
            this.slot = slot;
            this.kids = kids;
        }
    }

    /** An immutable set of children, sorted by the first character of their labels (unique among siblings). */
    private static final class Kids<V> {

        private static final Kids<?> EMPTY = new Kids<>(new char[0], List.of());

        final char[] keys;
        final Node<V>[] nodes;

        @SuppressWarnings("unchecked")
        private Kids(char[] keys, List<Node<V>> nodes) {
            this.keys = keys;
            this.nodes = (Node<V>[]) nodes.toArray(new Node<?>[0]);
        }

        @SuppressWarnings("unchecked")
        static <V> Kids<V> empty() {
            return (Kids<V>) EMPTY;
        }

        @Nullable Node<V> find(char first) {
            int i = Arrays.binarySearch(keys, first);
            return i >= 0 ? nodes[i] : null;
        }

        int size() {
            return keys.length;
        }

        @Nullable Node<V> only() {
            return keys.length == 1 ? nodes[0] : null;
        }

        /** These children with {@code node} added, or replacing the child with the same first character. */
        Kids<V> with(Node<V> node) {
            char first = node.label.charAt(0);
            int i = Arrays.binarySearch(keys, first);
            List<Node<V>> list = new ArrayList<>(Arrays.asList(nodes));
            if (i >= 0) {
                list.set(i, node);
                return new Kids<>(keys, list);
            }
            int at = -i - 1;
            list.add(at, node);
            char[] more = new char[keys.length + 1];
            System.arraycopy(keys, 0, more, 0, at);
            more[at] = first;
            System.arraycopy(keys, at, more, at + 1, keys.length - at);
            return new Kids<>(more, list);
        }

        Kids<V> without(char first) {
            int i = Arrays.binarySearch(keys, first);
            if (i < 0) {
                return this;
            }
            List<Node<V>> list = new ArrayList<>(Arrays.asList(nodes));
            list.remove(i);
            char[] fewer = new char[keys.length - 1];
            System.arraycopy(keys, 0, fewer, 0, i);
            System.arraycopy(keys, i + 1, fewer, i, fewer.length - i);
            return list.isEmpty() ? empty() : new Kids<>(fewer, list);
        }
    }
}
