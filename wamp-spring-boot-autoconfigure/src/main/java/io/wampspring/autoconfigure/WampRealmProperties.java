package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.Disclosure;
import org.jspecify.annotations.Nullable;

/**
 * One realm of {@code wamp.realms}: its name, who may join it and how, and what its sessions learn about each other.
 */
public class WampRealmProperties {

    /** Name (URI) of the realm. */
    private String name = "realm1";

    /** Authentication methods accepted in this realm, in order of preference. */
    private List<String> authMethods = new ArrayList<>(List.of("anonymous"));

    /** Role given to anonymous sessions. */
    private String anonymousRole = "anonymous";

    /**
     * The principals that may authenticate in this realm, by authid: each with its authrole and the credentials of
     * the methods it may use (a ticket, a WAMP-CRA secret, cryptosign public keys, SCRAM credentials).
     */
    private Map<String, WampPrincipalProperties> principals = new LinkedHashMap<>();

    /** How the ticket method checks tickets: against the principals, or through Spring Security. */
    private Ticket ticket = new Ticket();

    /**
     * Authorization rules by authrole: each role's permissions (uri, match, allow, disclose-caller,
     * disclose-publisher). None configured: every role may do everything but use the meta API (wamp.), and the
     * application's own role (wamp.local.authrole) everything. Any configured: a role without rules may do nothing.
     */
    private Map<String, WampRoleProperties> roles = new LinkedHashMap<>();

    /**
     * The http method (listed in auth-methods): how a principal the WebSocket handshake authenticated gets its
     * authrole.
     */
    private final WampHttpPrincipalProperties httpPrincipal = new WampHttpPrincipalProperties();

    /** A WAMP procedure that checks the tickets of the ticket method (a dynamic authenticator). */
    private final WampDynamicAuthenticatorProperties dynamicAuthenticator = new WampDynamicAuthenticatorProperties();

    /**
     * Whether callees learn who calls them: on-request (when the caller sets disclose_me or the registration
     * disclose_caller), always, or never (asking for it is refused with wamp.error.option_not_allowed).
     */
    private Disclosure callerDisclosure = Disclosure.ON_REQUEST;

    /**
     * Whether subscribers learn who published: on-request (when the publisher sets disclose_me), always, or
     * never (asking for it is refused with wamp.error.option_disallowed.disclose_me).
     */
    private Disclosure publisherDisclosure = Disclosure.ON_REQUEST;

    public Ticket getTicket() {
        return ticket;
    }

    public void setTicket(Ticket ticket) {
        this.ticket = ticket;
    }

    public WampHttpPrincipalProperties getHttpPrincipal() {
        return httpPrincipal;
    }

    public WampDynamicAuthenticatorProperties getDynamicAuthenticator() {
        return dynamicAuthenticator;
    }

    public Disclosure getCallerDisclosure() {
        return callerDisclosure;
    }

    public void setCallerDisclosure(Disclosure callerDisclosure) {
        this.callerDisclosure = callerDisclosure;
    }

    public Disclosure getPublisherDisclosure() {
        return publisherDisclosure;
    }

    public void setPublisherDisclosure(Disclosure publisherDisclosure) {
        this.publisherDisclosure = publisherDisclosure;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getAuthMethods() {
        return authMethods;
    }

    public void setAuthMethods(List<String> authMethods) {
        this.authMethods = authMethods;
    }

    public String getAnonymousRole() {
        return anonymousRole;
    }

    public void setAnonymousRole(String anonymousRole) {
        this.anonymousRole = anonymousRole;
    }

    public Map<String, WampPrincipalProperties> getPrincipals() {
        return principals;
    }

    public void setPrincipals(Map<String, WampPrincipalProperties> principals) {
        this.principals = principals;
    }

    public Map<String, WampRoleProperties> getRoles() {
        return roles;
    }

    public void setRoles(Map<String, WampRoleProperties> roles) {
        this.roles = roles;
    }

    /** {@code wamp.realms[n].ticket}: where the ticket method checks tickets. */
    public static class Ticket {

        /**
         * Whether tickets are checked by the application's Spring Security AuthenticationManager (authid and ticket
         * as username and password) instead of the principals' tickets.
         */
        private boolean authenticationManager;

        /**
         * Authrole of a user the AuthenticationManager accepts without any ROLE_ authority (its first ROLE_x
         * authority gives the role x, lower-cased); none: such a user is refused.
         */
        private @Nullable String defaultRole;

        public boolean isAuthenticationManager() {
            return authenticationManager;
        }

        public void setAuthenticationManager(boolean authenticationManager) {
            this.authenticationManager = authenticationManager;
        }

        public @Nullable String getDefaultRole() {
            return defaultRole;
        }

        public void setDefaultRole(@Nullable String defaultRole) {
            this.defaultRole = defaultRole;
        }
    }
}
