package io.wampspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

/**
 * The authorization rules of one role in one realm ({@code wamp.realms[n].roles.<role>}). Of its permissions, the one
 * that matches a URI most specifically decides alone (exact, else the longest prefix, else the best wildcard); a URI
 * no permission matches is denied, and so is the meta API ({@code wamp.}) unless a permission names it.
 */
public class WampRoleProperties {

    /**
     * The role's permissions, each with: uri (a URI, or a pattern for prefix and wildcard; "" with prefix covers
     * every URI but the meta API), match (exact, prefix or wildcard; default exact), allow (the actions allowed:
     * call, register, publish, subscribe, or all; default none, which denies), disclose-caller (whether the role's
     * calls disclose the caller to the callee; default false) and disclose-publisher (whether its publications
     * disclose the publisher to subscribers; default false).
     */
    private List<WampPermissionProperties> permissions = new ArrayList<>();

    public List<WampPermissionProperties> getPermissions() {
        return permissions;
    }

    public void setPermissions(List<WampPermissionProperties> permissions) {
        this.permissions = permissions;
    }
}
