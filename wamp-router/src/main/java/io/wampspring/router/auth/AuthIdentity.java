package io.wampspring.router.auth;

import java.util.Map;

/**
 * Who a session is, once authenticated: the values WELCOME announces and authorization decides on.
 */
public record AuthIdentity(String authid, String authrole, String authmethod, String authprovider,
        Map<String, Object> authextra) {

    public AuthIdentity(String authid, String authrole, String authmethod, String authprovider) {
        this(authid, authrole, authmethod, authprovider, Map.of());
    }
}
