package io.wampspring.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wampspring.router.auth.Authenticator;
import io.wampspring.spring.auth.WampRealmAuthenticator;
import io.wampspring.spring.core.WampConfigurationException;
import org.jspecify.annotations.Nullable;

/**
 * The application's own authentication methods: {@link Authenticator} beans, for every realm, and
 * {@link WampRealmAuthenticator} beans, for the realms they name. A realm gets one only when it lists the method in
 * its auth-methods, and then in place of a built-in method of that name.
 */
final class ApplicationAuthenticators {

    static final ApplicationAuthenticators NONE = new ApplicationAuthenticators(List.of(), List.of());

    private final Map<String, Authenticator> everywhere = new HashMap<>();
    /** By realm, then by method. */
    private final Map<String, Map<String, Authenticator>> byRealm = new HashMap<>();

    ApplicationAuthenticators(List<Authenticator> authenticators, List<WampRealmAuthenticator> realmAuthenticators) {
        for (Authenticator authenticator : authenticators) {
            add(everywhere, authenticator, "every realm");
        }
        for (WampRealmAuthenticator scoped : realmAuthenticators) {
            for (String realm : scoped.realms()) {
                add(byRealm.computeIfAbsent(realm, name -> new HashMap<>()), scoped.authenticator(),
                        "realm '" + realm + "'");
            }
        }
    }

    private static void add(Map<String, Authenticator> methods, Authenticator authenticator, String scope) {
        Authenticator other = methods.putIfAbsent(authenticator.authMethod(), authenticator);
        if (other != null) {
            throw new WampConfigurationException("Two Authenticator beans offer authentication method '"
                    + authenticator.authMethod() + "' for " + scope + ": " + other.getClass().getName() + " and "
                    + authenticator.getClass().getName(),
                    "Keep one Authenticator bean per method, or scope them to different realms with "
                            + "WampRealmAuthenticator.");
        }
    }

    /** The application's authenticator of this method in this realm, or null to use the built-in one. */
    @Nullable Authenticator find(String realm, String method) {
        Authenticator scoped = byRealm.getOrDefault(realm, Map.of()).get(method);
        return scoped != null ? scoped : everywhere.get(method);
    }
}
