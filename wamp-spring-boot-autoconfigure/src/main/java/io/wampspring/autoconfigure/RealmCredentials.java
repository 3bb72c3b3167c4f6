package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.CraPrincipal;
import io.wampspring.router.auth.CraSalt;
import io.wampspring.router.auth.CryptosignPrincipal;
import io.wampspring.router.auth.PrincipalTicketVerifier;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.auth.TicketPrincipal;
import io.wampspring.router.auth.TicketVerifier;
import io.wampspring.spring.core.WampConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The ticket, WAMP-CRA and cryptosign principals of one realm, from {@code wamp.realms[n].principals} (checked by
 * {@link RealmCredentialsValidation} when the properties were bound), and the ticket method's verifier: a dynamic
 * authenticator, the application's AuthenticationManager, or the principals' tickets.
 */
final class RealmCredentials {

    /** The authprovider of principals configured in the properties. */
    static final String STATIC_PROVIDER = "static";

    private RealmCredentials() {
    }

    static Authenticator ticket(WampRealmProperties realm, int index, RealmAuthenticators.Sources beans) {
        TicketVerifier dynamic = TicketVerifiers.forRealm(realm, beans.router());
        if (dynamic != null) {
            return new TicketAuthenticator(dynamic);
        }
        if (realm.getTicket().isAuthenticationManager()) {
            WampAuthenticationManagerTickets tickets = beans.authenticationManagerTickets();
            if (tickets == null || !tickets.available()) {
                String property = "wamp.realms[" + index + "].ticket.authentication-manager";
                throw new WampConfigurationException(property + " is true, but the application has no Spring Security "
                        + "AuthenticationManager to check the tickets of realm '" + realm.getName() + "'",
                        "Add spring-security-config and define an AuthenticationManager (or a UserDetailsService with "
                                + "@EnableWebSecurity), or remove " + property + " to check the principals' tickets.");
            }
            return new TicketAuthenticator(tickets.verifier(realm.getTicket().getDefaultRole()));
        }
        Map<String, TicketPrincipal> principals = new LinkedHashMap<>();
        boolean[] hashed = new boolean[1];
        realm.getPrincipals().forEach((authid, principal) -> {
            String encoding = RealmCredentialsValidation.encoding(principal.getTicket());
            hashed[0] |= encoding != null && !encoding.equals("noop");
            boolean withoutEncoders = beans.secretMatcher() == StoredSecrets.WITHOUT_ENCODERS;
            if (encoding != null && !encoding.equals("noop") && withoutEncoders) {
                String property = "wamp.realms[" + index + "].principals." + authid + ".ticket";
                throw new WampConfigurationException(property + " is hashed ({" + encoding + "}), but "
                        + "spring-security-crypto, whose password encoders check hashed tickets, is not on the "
                        + "classpath", "Add org.springframework.security:spring-security-crypto to the application, "
                                + "or give " + property + " as the ticket itself (a ${...} placeholder keeps it out "
                                + "of the file).");
            }
            if (principal.getTicket() != null) {
                principals.put(authid, new TicketPrincipal(role(principal), principal.getTicket()));
            }
        });
        TicketVerifier verifier = new PrincipalTicketVerifier(principals, beans.secretMatcher(), STATIC_PROVIDER);
        return new TicketAuthenticator(hashed[0] ? offTransportThread(verifier, beans.slowChecks()) : verifier);
    }

    /**
     * A hashed ticket costs a password hash per check (bcrypt: tens of milliseconds, by design), wrong tickets as
     * much as right ones: such checks run on the application's task executor, never on the transport thread that
     * delivered the AUTHENTICATE, which serves other sessions too.
     */
    static TicketVerifier offTransportThread(TicketVerifier verifier, Executor executor) {
        return (request, ticket) -> CompletableFuture.supplyAsync(() -> verifier.verify(request, ticket), executor)
                .thenCompose(Function.identity());
    }

    static Map<String, CraPrincipal> craPrincipals(WampRealmProperties realm) {
        Map<String, CraPrincipal> principals = new LinkedHashMap<>();
        realm.getPrincipals().forEach((authid, principal) -> {
            WampPrincipalProperties.Wampcra cra = principal.getWampcra();
            if (!cra.isConfigured()) {
                return;
            }
            CraSalt salt = cra.getSalt() != null ? new CraSalt(cra.getSalt(), cra.getIterations(), cra.getKeylen())
                    : null;
            String secret = withoutNoop(cra.getSecret());
            CraPrincipal cryptographic;
            if (salt == null) {
                cryptographic = CraPrincipal.plain(role(principal), secret);
            }
            else if (cra.getDerivedKey() != null) {
                cryptographic = CraPrincipal.derived(role(principal), cra.getDerivedKey(), salt);
            }
            else {
                cryptographic = CraPrincipal.salted(role(principal), secret, salt);
            }
            principals.put(authid, cryptographic);
        });
        return principals;
    }

    static List<CryptosignPrincipal> cryptosignPrincipals(WampRealmProperties realm) {
        List<CryptosignPrincipal> principals = new ArrayList<>();
        realm.getPrincipals().forEach((authid, principal) -> {
            if (!principal.getCryptosign().getPublicKeys().isEmpty()) {
                principals.add(new CryptosignPrincipal(authid, role(principal),
                        principal.getCryptosign().getPublicKeys()));
            }
        });
        return principals;
    }

    /** Validation made sure a principal with a credential has a role. */
    private static String role(WampPrincipalProperties principal) {
        return principal.getRole() != null ? principal.getRole() : "";
    }

    /** A WAMP-CRA secret as the HMAC needs it: {noop} is Spring Security's way of saying "as is". */
    private static String withoutNoop(@Nullable String secret) {
        if (secret == null) {
            return "";
        }
        return secret.startsWith(StoredSecrets.NOOP) ? secret.substring(StoredSecrets.NOOP.length()) : secret;
    }
}
