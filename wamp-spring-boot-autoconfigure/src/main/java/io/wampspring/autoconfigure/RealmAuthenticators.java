package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.wampspring.router.auth.AnonymousAuthenticator;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.auth.ScramAuthenticator;
import io.wampspring.spring.core.WampConfigurationException;

/**
 * The authenticators of one realm, one per entry of {@code wamp.realms[n].auth-methods}, in that order (the router's
 * preference), built from the realm's properties.
 */
final class RealmAuthenticators {

    private static final List<String> SUPPORTED = List.of(AnonymousAuthenticator.METHOD, ScramAuthenticator.METHOD,
            ScramAuthenticator.ALIAS);

    private RealmAuthenticators() {
    }

    static List<Authenticator> of(WampRealmProperties realm, int index) {
        List<Authenticator> authenticators = new ArrayList<>();
        List<String> methods = realm.getAuthMethods();
        for (int i = 0; i < methods.size(); i++) {
            Authenticator authenticator = authenticator(realm, index, i, methods.get(i));
            authenticators.add(authenticator);
            // WAMP-SCRAM answers to both of its names, whichever the configuration lists
            if (authenticator instanceof ScramAuthenticator scram) {
                authenticators.add(scram.underOtherName());
            }
        }
        return authenticators;
    }

    private static Authenticator authenticator(WampRealmProperties realm, int index, int position, String method) {
        return switch (method) {
            case AnonymousAuthenticator.METHOD -> new AnonymousAuthenticator(realm.getAnonymousRole());
            case ScramAuthenticator.METHOD, ScramAuthenticator.ALIAS ->
                    RealmScram.authenticator(realm, index, position);
            default -> throw new WampConfigurationException("wamp.realms[" + index + "].auth-methods[" + position
                    + "] is '" + method + "': authentication method '" + method + "' of realm '" + realm.getName()
                    + "' is not available; supported: " + SUPPORTED,
                    "Remove '" + method + "' from wamp.realms[" + index + "].auth-methods, or use one of "
                            + SUPPORTED + ".");
        };
    }
}
