package io.wampspring.router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.serialization.ProtocolViolationException;
import org.jspecify.annotations.Nullable;

/**
 * What a HELLO says about its peer (roles and their features, offered authentication methods, claimed authid),
 * checked once, and what WELCOME tells it back.
 *
 * @param roles HELLO.Details.roles
 * @param authmethods the offered methods, in the client's order ({@code anonymous} when it offered none)
 * @param authid the claimed authid, if any
 */
record HelloDetails(Map<?, ?> roles, List<String> authmethods, @Nullable String authid) {

    /** Reads HELLO.Details; a malformed one is a protocol violation. */
    @SuppressWarnings("unchecked")
    static HelloDetails of(Map<String, Object> details) {
        if (!(details.get("roles") instanceof Map<?, ?> roles) || roles.isEmpty()) {
            throw new ProtocolViolationException("HELLO.Details.roles must be a non-empty dictionary");
        }
        Object authmethods = details.getOrDefault("authmethods", List.of("anonymous"));
        if (!(authmethods instanceof List<?> methods) || !methods.stream().allMatch(String.class::isInstance)) {
            throw new ProtocolViolationException("HELLO.Details.authmethods must be a list of strings");
        }
        Object authid = details.get("authid");
        if (authid != null && !(authid instanceof String)) {
            throw new ProtocolViolationException("HELLO.Details.authid must be a string");
        }
        return new HelloDetails(roles, (List<String>) methods, (String) authid);
    }

    /** WELCOME.Details for a session of {@code realm} with this identity. */
    static Map<String, Object> welcome(Realm realm, AuthIdentity identity) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("realm", realm.name());
        details.put("authid", identity.authid());
        details.put("authrole", identity.authrole());
        details.put("authmethod", identity.authmethod());
        details.put("authprovider", identity.authprovider());
        if (!identity.authextra().isEmpty()) {
            details.put("authextra", identity.authextra());
        }
        details.put("roles", realm.roles());
        return details;
    }
}
