package io.wampspring.spring.auth;

import java.util.Set;

import io.wampspring.router.auth.Authenticator;

/**
 * An application's authentication method for some realms only. Declared as a bean, its authenticator is offered in
 * each of these realms that lists its {@code authMethod()} in {@code wamp.realms[n].auth-methods}, before a plain
 * {@link Authenticator} bean of the same method (which every realm gets) and before the built-in method of that name.
 *
 * @param realms the realms' names
 * @param authenticator the method
 */
public record WampRealmAuthenticator(Set<String> realms, Authenticator authenticator) {

    public WampRealmAuthenticator {
        realms = Set.copyOf(realms);
    }

    public static WampRealmAuthenticator of(Authenticator authenticator, String... realms) {
        return new WampRealmAuthenticator(Set.of(realms), authenticator);
    }
}
