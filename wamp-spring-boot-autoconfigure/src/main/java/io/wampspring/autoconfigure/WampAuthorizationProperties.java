package io.wampspring.autoconfigure;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Authorization beyond the rules of {@code wamp.realms[n].roles}: the cache in front of an application's
 * {@code io.wampspring.router.auth.Authorizer} bean ({@code wamp.authorization}).
 */
public class WampAuthorizationProperties {

    @NestedConfigurationProperty
    private final WampAuthorizationCacheProperties cache = new WampAuthorizationCacheProperties();

    public WampAuthorizationCacheProperties getCache() {
        return cache;
    }
}
