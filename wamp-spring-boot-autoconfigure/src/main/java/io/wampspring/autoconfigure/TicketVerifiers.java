package io.wampspring.autoconfigure;

import java.util.function.Supplier;

import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.TicketVerifier;
import io.wampspring.router.service.ProcedureTicketVerifier;
import org.jspecify.annotations.Nullable;

/** Where a realm's ticket method checks tickets, when not against its configured principals. */
final class TicketVerifiers {

    private TicketVerifiers() {
    }

    /**
     * The realm's dynamic authenticator ({@code wamp.realms[n].dynamic-authenticator.procedure}), or null when it has
     * none and the ticket method uses its usual verifier.
     */
    static @Nullable TicketVerifier forRealm(WampRealmProperties realm, Supplier<WampRouter> router) {
        WampDynamicAuthenticatorProperties dynamic = realm.getDynamicAuthenticator();
        if (dynamic.getProcedure() == null) {
            return null;
        }
        return new ProcedureTicketVerifier(router, dynamic.getProcedure(), dynamic.getRealm());
    }
}
