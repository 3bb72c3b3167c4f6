package io.wampspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The {@code http} authentication method of a realm ({@code wamp.realms[n].http-principal}): how a principal that the
 * WebSocket handshake authenticated (Spring Security, the servlet container) gets its authrole.
 */
public class WampHttpPrincipalProperties {

    /**
     * How the principal's authrole is chosen: first-role (its first ROLE_ authority without the prefix, in lower
     * case: ROLE_USER gives user), fixed (the role property), or mapper (the application's PrincipalRoleMapper bean).
     * Default: mapper when there is such a bean, otherwise first-role.
     */
    private @Nullable RoleMapping roleMapping;

    /**
     * With role-mapping fixed, every principal's authrole; with first-role, the authrole of a principal that has no
     * ROLE_ authority (unset: such a principal is refused with wamp.error.not_authorized).
     */
    private @Nullable String role;

    public @Nullable RoleMapping getRoleMapping() {
        return roleMapping;
    }

    public void setRoleMapping(@Nullable RoleMapping roleMapping) {
        this.roleMapping = roleMapping;
    }

    public @Nullable String getRole() {
        return role;
    }

    public void setRole(@Nullable String role) {
        this.role = role;
    }

    /** How a handshake principal's authrole is chosen. */
    public enum RoleMapping {
        /** The first authority named ROLE_x, as x in lower case; the role property when there is none. */
        FIRST_ROLE,
        /** The role property, for every principal. */
        FIXED,
        /** The application's PrincipalRoleMapper bean. */
        MAPPER
    }
}
