package io.wampspring.router.match;

/**
 * The holder of a pattern entry's value, shared by the table's map and the pattern index. Replacing the value of an
 * entry that stays present writes this one field, so the index is not touched.
 */
final class Slot<V> {

    final String uri;
    volatile V value;

    Slot(String uri, V value) {
        this.uri = uri;
        this.value = value;
    }
}
