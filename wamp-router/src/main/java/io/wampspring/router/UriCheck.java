package io.wampspring.router;

/**
 * How strictly URIs are checked. Loose: components are non-empty and contain no whitespace, {@code .} or {@code #}.
 * Strict: components use only lower-case letters, digits and underscores. Pattern registrations and subscriptions
 * may leave components empty.
 */
public enum UriCheck {
    LOOSE, STRICT;

    public boolean isValid(String uri, boolean allowEmptyComponents) {
        if (uri.isEmpty()) {
            return false;
        }
        int componentLength = 0;
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '.') {
                if (componentLength == 0 && !allowEmptyComponents) {
                    return false;
                }
                componentLength = 0;
            }
            else if (isAllowed(c)) {
                componentLength++;
            }
            else {
                return false;
            }
        }
        return componentLength > 0 || allowEmptyComponents;
    }

    private boolean isAllowed(char c) {
        if (this == STRICT) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        }
        return c != '#' && !Character.isWhitespace(c);
    }
}
