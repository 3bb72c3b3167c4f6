package io.wampspring.router.service;

import java.util.Map;

import io.wampspring.router.Callee;
import io.wampspring.router.Dealer;
import io.wampspring.router.Registration;
import io.wampspring.router.RegistrationListener;
import io.wampspring.router.WampPeer;
import io.wampspring.router.WampUris;

import static io.wampspring.router.service.MetaSession.idOrNull;

/**
 * The registration meta API of one realm: the {@code wamp.registration.*} procedures, registered by the router's
 * service session through the dealer like any callee, and the meta events, published through the broker. The
 * router's own {@code wamp.} registrations are not listed.
 */
public final class RegistrationMetaService implements RegistrationListener {

    static final String ON_CREATE = "wamp.registration.on_create";
    static final String ON_REGISTER = "wamp.registration.on_register";
    static final String ON_UNREGISTER = "wamp.registration.on_unregister";
    static final String ON_DELETE = "wamp.registration.on_delete";

    private final Dealer dealer;
    private final MetaSession meta;

    RegistrationMetaService(Dealer dealer, MetaSession meta) {
        this.dealer = dealer;
        this.meta = meta;
    }

    void start() {
        meta.procedure("wamp.registration.list", args -> MetaSession.list(dealer.registrations()));
        meta.procedure("wamp.registration.lookup", args -> idOrNull(dealer.lookup(args.string(0, "procedure"),
                args.matchOption(1))));
        meta.procedure("wamp.registration.match", args -> idOrNull(dealer.match(args.string(0, "procedure"))));
        meta.procedure("wamp.registration.get", args -> details(registration(args)));
        meta.procedure("wamp.registration.list_callees", args -> registration(args).callees().stream()
                .map(Callee::sessionId).toList());
        meta.procedure("wamp.registration.count_callees", args -> (long) registration(args).calleeCount());
        dealer.addListener(this);
        dealer.announce("registration_meta_api");
    }

    private Registration registration(MetaArguments args) {
        return MetaSession.entry(args, "registration", dealer::registration, WampUris.NO_SUCH_REGISTRATION);
    }

    /** RegistrationDetails as the spec defines them. */
    static Map<String, Object> details(Registration registration) {
        Map<String, Object> details = MetaSession.details(registration);
        details.put("invoke", registration.invoke().wireName());
        return details;
    }

    @Override
    public void created(WampPeer callee, Registration registration) {
        meta.event(ON_CREATE, registration, callee.sessionId(), details(registration));
    }

    @Override
    public void registered(WampPeer callee, Registration registration) {
        meta.event(ON_REGISTER, registration, callee.sessionId(), registration.id());
    }

    @Override
    public void unregistered(long sessionId, Registration registration) {
        meta.event(ON_UNREGISTER, registration, sessionId, registration.id());
    }

    @Override
    public void deleted(long sessionId, Registration registration) {
        meta.event(ON_DELETE, registration, sessionId, registration.id());
    }
}
