package io.wampspring.router.auth;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Checks tickets against configured principals (authid to ticket and role), through a {@link SecretMatcher} so that
 * tickets may be stored hashed. An unknown authid and a wrong ticket are rejected alike.
 */
public final class PrincipalTicketVerifier implements TicketVerifier {

    private final Map<String, TicketPrincipal> principals;
    private final SecretMatcher matcher;
    private final String authprovider;

    /**
     * @param principals by authid
     * @param matcher compares the presented ticket with the stored one ({@link SecretMatcher#PLAIN} for plain text)
     * @param authprovider announced in WELCOME, e.g. {@code static}
     */
    public PrincipalTicketVerifier(Map<String, TicketPrincipal> principals, SecretMatcher matcher,
            String authprovider) {
        this.principals = Map.copyOf(principals);
        this.matcher = matcher;
        this.authprovider = authprovider;
    }

    @Override
    public CompletionStage<AuthDecision> verify(AuthRequest request, String ticket) {
        String authid = request.authid();
        TicketPrincipal principal = authid != null ? principals.get(authid) : null;
        if (principal == null || !matcher.matches(ticket, principal.ticket())) {
            return Credentials.failed();
        }
        return Credentials.accepted(new AuthIdentity(authid, principal.authrole(), TicketAuthenticator.METHOD,
                authprovider));
    }
}
