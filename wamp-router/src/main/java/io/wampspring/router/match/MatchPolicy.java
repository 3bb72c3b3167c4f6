package io.wampspring.router.match;

import org.jspecify.annotations.Nullable;

/** How a registered or subscribed URI is compared with the URI of a CALL or PUBLISH (the {@code match} option). */
public enum MatchPolicy {

    /** The URIs are equal. */
    EXACT("exact"),

    /** The entry's URI is a string prefix of the actual URI (not only at a component boundary). */
    PREFIX("prefix"),

    /** Same number of dot-separated components; an empty component of the pattern matches any one component. */
    WILDCARD("wildcard");

    private final String wireName;

    MatchPolicy(String wireName) {
        this.wireName = wireName;
    }

    /** The value of the {@code match} option on the wire. */
    public String wireName() {
        return wireName;
    }

    /** Whether an actual URI matches {@code pattern} under this policy. */
    public boolean matches(String pattern, String uri) {
        return switch (this) {
            case EXACT -> pattern.equals(uri);
            case PREFIX -> uri.startsWith(pattern);
            case WILDCARD -> wildcardMatches(pattern, uri);
        };
    }

    private static boolean wildcardMatches(String pattern, String uri) {
        String[] wanted = pattern.split("\\.", -1);
        String[] actual = uri.split("\\.", -1);
        if (wanted.length != actual.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!wanted[i].isEmpty() && !wanted[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    /** The policy for a {@code match} option value, or {@code null} if the router does not know it. */
    public static @Nullable MatchPolicy fromWire(String wireName) {
        return switch (wireName) {
            case "exact" -> EXACT;
            case "prefix" -> PREFIX;
            case "wildcard" -> WILDCARD;
            default -> null;
        };
    }
}
