package io.wampspring.autoconfigure;

import io.wampspring.router.auth.PrincipalRoleMapper;
import io.wampspring.spring.core.WampConfigurationException;
import org.jspecify.annotations.Nullable;

/** The role mapping of a realm's http method, from {@code wamp.realms[n].http-principal}. */
final class HttpPrincipalRoles {

    private HttpPrincipalRoles() {
    }

    static PrincipalRoleMapper of(WampRealmProperties realm, int index, @Nullable PrincipalRoleMapper bean) {
        WampHttpPrincipalProperties http = realm.getHttpPrincipal();
        WampHttpPrincipalProperties.RoleMapping mapping = http.getRoleMapping();
        if (mapping == null) {
            mapping = bean != null ? WampHttpPrincipalProperties.RoleMapping.MAPPER
                    : WampHttpPrincipalProperties.RoleMapping.FIRST_ROLE;
        }
        return switch (mapping) {
            case FIRST_ROLE -> PrincipalRoleMapper.firstRole(http.getRole());
            case FIXED -> PrincipalRoleMapper.fixed(http.getRole());
            case MAPPER -> {
                if (bean == null) {
                    throw new WampConfigurationException("wamp.realms[" + index + "].http-principal.role-mapping is "
                            + "mapper, but the application has no PrincipalRoleMapper bean",
                            "Declare a bean of type io.wampspring.router.auth.PrincipalRoleMapper, or choose "
                                    + "first-role or fixed.");
                }
                yield bean;
            }
        };
    }
}
