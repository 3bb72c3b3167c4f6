package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.CryptosignAuthenticator;
import io.wampspring.router.auth.HttpPrincipalAuthenticator;
import io.wampspring.router.auth.PrincipalRoleMapper;
import io.wampspring.router.auth.ScramAuthenticator;
import io.wampspring.router.auth.SecretMatcher;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.auth.WampCraAuthenticator;
import io.wampspring.spring.core.WampConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The authenticators of one realm, one per entry of {@code wamp.realms[n].auth-methods}, in that order (the router's
 * preference), built from the realm's properties, or taken from the application's authenticator beans.
 */
final class RealmAuthenticators {

    private static final List<String> SUPPORTED = List.of(AnonymousAuthenticator.METHOD, TicketAuthenticator.METHOD,
            WampCraAuthenticator.METHOD, CryptosignAuthenticator.METHOD, ScramAuthenticator.METHOD,
            ScramAuthenticator.ALIAS, HttpPrincipalAuthenticator.METHOD);

    /**
     * What the built-in methods may need besides the realm's properties.
     *
     * @param application the application's authenticator beans
     * @param roleMapper the application's role mapper for the http method, if any
     * @param router the router, once built (for methods that call procedures, such as a dynamic authenticator)
     * @param secretMatcher how stored tickets are compared ({bcrypt} and others with Spring Security's encoders)
     * @param authenticationManagerTickets tickets checked by the application's AuthenticationManager, if it has one
     * @param slowChecks where checks that cost a password hash run (the application's task executor)
     */
    record Sources(ApplicationAuthenticators application, @Nullable PrincipalRoleMapper roleMapper,
            Supplier<WampRouter> router, SecretMatcher secretMatcher,
            @Nullable WampAuthenticationManagerTickets authenticationManagerTickets, Executor slowChecks) {
    }

    private RealmAuthenticators() {
    }

    static List<Authenticator> of(WampRealmProperties realm, int index, Sources sources) {
        List<Authenticator> authenticators = new ArrayList<>();
        List<String> methods = realm.getAuthMethods();
        for (int i = 0; i < methods.size(); i++) {
            String method = methods.get(i);
            Authenticator application = sources.application().find(realm.getName(), method);
            Authenticator authenticator = application != null ? application
                    : authenticator(realm, index, i, method, sources);
            authenticators.add(authenticator);
            // WAMP-SCRAM answers to both of its names, whichever the configuration lists
            if (authenticator instanceof ScramAuthenticator scram) {
                authenticators.add(scram.underOtherName());
            }
        }
        answerAnonymousOffersWithPrincipal(authenticators);
        return authenticators;
    }

    private static Authenticator authenticator(WampRealmProperties realm, int index, int position, String method,
            Sources sources) {
        return switch (method) {
            case AnonymousAuthenticator.METHOD -> new AnonymousAuthenticator(realm.getAnonymousRole());
            case TicketAuthenticator.METHOD -> RealmCredentials.ticket(realm, index, sources);
            case WampCraAuthenticator.METHOD -> new WampCraAuthenticator(RealmCredentials.craPrincipals(realm),
                    RealmCredentials.STATIC_PROVIDER);
            case CryptosignAuthenticator.METHOD -> new CryptosignAuthenticator(
                    RealmCredentials.cryptosignPrincipals(realm), RealmCredentials.STATIC_PROVIDER);
            case ScramAuthenticator.METHOD, ScramAuthenticator.ALIAS ->
                    RealmScram.authenticator(realm, index, position);
            case HttpPrincipalAuthenticator.METHOD ->
                    new HttpPrincipalAuthenticator(HttpPrincipalRoles.of(realm, index, sources.roleMapper()));
            default -> throw new WampConfigurationException("wamp.realms[" + index + "].auth-methods[" + position
                    + "] is '" + method + "': authentication method '" + method + "' of realm '" + realm.getName()
                    + "' is not available; supported: " + SUPPORTED,
                    "Remove '" + method + "' from wamp.realms[" + index + "].auth-methods, or use one of "
                            + SUPPORTED + ", or declare an Authenticator bean for it.");
        };
    }

    /**
     * Where the realm lists the built-in http method, a client offering {@code anonymous} (as clients do by default)
     * joins as the handshake's principal when there is one: the anonymous entry is replaced by one that asks http
     * first, and added (refusing sessions without a principal) when the realm lists no anonymous method.
     */
    private static void answerAnonymousOffersWithPrincipal(List<Authenticator> authenticators) {
        HttpPrincipalAuthenticator http = null;
        int anonymous = -1;
        for (int i = 0; i < authenticators.size(); i++) {
            Authenticator authenticator = authenticators.get(i);
            if (authenticator instanceof HttpPrincipalAuthenticator builtIn && http == null) {
                http = builtIn;
            }
            if (AnonymousAuthenticator.METHOD.equals(authenticator.authMethod()) && anonymous < 0) {
                anonymous = i;
            }
        }
        if (http == null) {
            return;
        }
        if (anonymous >= 0) {
            authenticators.set(anonymous, http.orAnonymous(authenticators.get(anonymous)));
        }
        else {
            authenticators.add(http.orAnonymous(null));
        }
    }
}
