package io.wampspring.router.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.wampspring.router.Callee;
import io.wampspring.router.Dealer;
import io.wampspring.router.Registration;
import io.wampspring.router.RegistrationListener;
import io.wampspring.router.WampPeer;
import io.wampspring.router.WampUris;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Payload;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registration meta API of one realm: the {@code wamp.registration.*} procedures, registered by the router's
 * service session through the dealer like any callee, and the meta events, published through the broker. The
 * router's own {@code wamp.} registrations are not listed.
 */
public final class RegistrationMetaService implements RegistrationListener {

    private static final Logger logger = LoggerFactory.getLogger(RegistrationMetaService.class);

    static final String ON_CREATE = "wamp.registration.on_create";
    static final String ON_REGISTER = "wamp.registration.on_register";
    static final String ON_UNREGISTER = "wamp.registration.on_unregister";
    static final String ON_DELETE = "wamp.registration.on_delete";

    private final Dealer dealer;
    private final LocalSession session;

    RegistrationMetaService(Dealer dealer, LocalSession session) {
        this.dealer = dealer;
        this.session = session;
    }

    void start() {
        procedure("wamp.registration.list", args -> list());
        procedure("wamp.registration.lookup", args -> {
            Object match = args.optionalDict(1, "options").getOrDefault("match", "exact");
            MatchPolicy policy = match instanceof String name ? MatchPolicy.fromWire(name) : null;
            if (policy == null) {
                throw new WampException(WampUris.INVALID_ARGUMENT, "unknown match policy '" + match + "'");
            }
            return idOrNull(dealer.lookup(args.string(0, "procedure"), policy));
        });
        procedure("wamp.registration.match", args -> idOrNull(dealer.match(args.string(0, "procedure"))));
        procedure("wamp.registration.get", args -> details(registration(args)));
        procedure("wamp.registration.list_callees", args -> registration(args).callees().stream()
                .map(Callee::sessionId).toList());
        procedure("wamp.registration.count_callees", args -> (long) registration(args).calleeCount());
        dealer.addListener(this);
        dealer.announce("registration_meta_api");
    }

    private void procedure(String uri, Function<MetaArguments, @Nullable Object> body) {
        session.register(uri, Map.of(), invocation -> {
            Object result = body.apply(new MetaArguments(uri, invocation.payload()));
            return CompletableFuture.completedFuture(Payload.of(Arrays.asList(result), null));
        }).join();
    }

    private Map<String, Object> list() {
        Map<String, List<Long>> lists = new LinkedHashMap<>();
        for (MatchPolicy policy : MatchPolicy.values()) {
            lists.put(policy.wireName(), new ArrayList<>());
        }
        for (Registration registration : dealer.registrations()) {
            if (isPublic(registration)) {
                lists.get(registration.match().wireName()).add(registration.id());
            }
        }
        return new LinkedHashMap<>(lists);
    }

    private Registration registration(MetaArguments args) {
        long id = args.id(0, "registration");
        Registration registration = dealer.registration(id);
        if (registration == null || !isPublic(registration)) {
            throw new WampException(WampUris.NO_SUCH_REGISTRATION, "no registration " + id);
        }
        return registration;
    }

    private static @Nullable Long idOrNull(@Nullable Registration registration) {
        return registration != null && isPublic(registration) ? registration.id() : null;
    }

    /** RegistrationDetails as the spec defines them. */
    static Map<String, Object> details(Registration registration) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", registration.id());
        details.put("created", registration.created().toString());
        details.put("uri", registration.uri());
        details.put("match", registration.match().wireName());
        details.put("invoke", registration.invoke().wireName());
        return details;
    }

    private static boolean isPublic(Registration registration) {
        return !registration.uri().startsWith(WampUris.RESERVED_PREFIX);
    }

    @Override
    public void created(WampPeer callee, Registration registration) {
        event(ON_CREATE, registration, callee.sessionId(), details(registration));
    }

    @Override
    public void registered(WampPeer callee, Registration registration) {
        event(ON_REGISTER, registration, callee.sessionId(), registration.id());
    }

    @Override
    public void unregistered(long sessionId, Registration registration) {
        event(ON_UNREGISTER, registration, sessionId, registration.id());
    }

    @Override
    public void deleted(long sessionId, Registration registration) {
        event(ON_DELETE, registration, sessionId, registration.id());
    }

    private void event(String topic, Registration registration, long sessionId, Object second) {
        if (!isPublic(registration) || !session.isOpen()) {
            return;
        }
        session.publish(topic, Map.of(), Payload.of(List.of(sessionId, second), null))
                .exceptionally(failure -> {
                    logger.debug("Meta event {} not published", topic, failure);
                    return null;
                });
    }
}
