package io.wampspring.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.match.UriTable;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes calls of one realm. Registrations live in a {@link UriTable} (exact, prefix and wildcard), calls in flight
 * in {@link PendingCall}s driven by {@link CallRouting}. Runs on the thread that delivered each message; all state is
 * in concurrent structures, with no lock shared across sessions.
 */
public final class Dealer {

    private static final Logger logger = LoggerFactory.getLogger(Dealer.class);

    private static final Map<String, Object> FEATURES = Map.of(
            "caller_identification", true,
            "call_canceling", true,
            "call_timeout", true,
            "progressive_call_results", true,
            "progressive_call_invocations", true,
            "pattern_based_registration", true,
            "shared_registration", true,
            "registration_revocation", true);

    private final UriCheck uriCheck;
    private final Authorizer authorizer;
    private final RpcConfig rpc;
    private final UriTable<Registration> table = new UriTable<>();
    private final ConcurrentHashMap<Long, Registration> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, DealerSession> sessions = new ConcurrentHashMap<>();
    private final List<RegistrationListener> listeners = new CopyOnWriteArrayList<>();
    private final CallRouting calls;
    private volatile Map<String, Object> extraFeatures = Map.of();

    Dealer(UriCheck uriCheck, Authorizer authorizer, RpcConfig rpc, ScheduledExecutorService timer,
            CallObserver observer) {
        this.uriCheck = uriCheck;
        this.authorizer = authorizer;
        this.rpc = rpc;
        this.calls = new CallRouting(uriCheck, authorizer, rpc, table, sessions, timer, observer);
    }

    /** The features this dealer announces in WELCOME. */
    public Map<String, Object> features() {
        Map<String, Object> extra = extraFeatures;
        if (extra.isEmpty()) {
            return FEATURES;
        }
        Map<String, Object> all = new java.util.LinkedHashMap<>(FEATURES);
        all.putAll(extra);
        return all;
    }

    /** Announces a feature a router service provides through this dealer (a meta API). */
    public void announce(String feature) {
        Map<String, Object> extra = new java.util.LinkedHashMap<>(extraFeatures);
        extra.put(feature, true);
        extraFeatures = Map.copyOf(extra);
    }

    /** How this dealer treats calls. */
    public RpcConfig rpc() {
        return rpc;
    }

    public void addListener(RegistrationListener listener) {
        listeners.add(listener);
    }

    public @Nullable Registration registration(long id) {
        return byId.get(id);
    }

    /** The clients' registrations; the router's own ({@code wamp.} procedures of the meta API) are not listed. */
    public List<Registration> registrations() {
        return byId.values().stream().filter(registration -> !registration.uri().startsWith(WampUris.RESERVED_PREFIX))
                .toList();
    }

    /** The registration with exactly this URI and match policy, if any ({@code wamp.registration.lookup}). */
    public @Nullable Registration lookup(String uri, MatchPolicy match) {
        return table.get(match, uri);
    }

    /** The registration a call of {@code uri} would go to ({@code wamp.registration.match}). */
    public @Nullable Registration match(String uri) {
        return table.bestMatch(uri);
    }

    void join(WampPeer peer) {
        sessions.put(peer.sessionKey(), new DealerSession(peer));
    }

    void register(WampPeer peer, Register register) {
        long request = register.request();
        String uri = register.procedure();
        MatchPolicy match = MatchPolicy.fromWire(Options.string(register.options(), "match", "exact"));
        InvokePolicy invoke = InvokePolicy.fromWire(Options.string(register.options(), "invoke", "single"));
        boolean discloseCaller = Options.flag(register.options(), "disclose_caller", false);
        String refusal = null;
        String reason = null;
        if (match == null || invoke == null) {
            reason = WampUris.INVALID_ARGUMENT;
            refusal = match == null ? "unknown match policy '" + register.options().get("match") + "'"
                    : "unknown invocation policy '" + register.options().get("invoke") + "'";
        }
        else if (!uriCheck.isValid(uri, match != MatchPolicy.EXACT)
                || (uri.startsWith(WampUris.RESERVED_PREFIX) && !peer.isRouterService())) {
            reason = WampUris.INVALID_URI;
            refusal = "invalid or reserved procedure URI '" + uri + "'";
        }
        else if (discloseCaller && rpc.callerDisclosure() == Disclosure.NEVER && !peer.isRouterService()) {
            reason = WampUris.OPTION_NOT_ALLOWED;
            refusal = "this realm never discloses callers";
        }
        else if (!peer.isRouterService()
                && !authorizer.isAuthorized(peer.identity(), Action.REGISTER, uri, match)) {
            reason = WampUris.NOT_AUTHORIZED;
            refusal = "role '" + peer.identity().authrole() + "' is not authorized to register '" + uri + "'";
        }
        if (reason != null) {
            peer.send(Options.error(MessageType.REGISTER, request, reason, refusal));
            return;
        }
        DealerSession state = sessions.get(peer.sessionId());
        if (state == null) {
            return;
        }
        Joined joined = new Joined();
        // joined first, inactive: a CALL routed now is concurrent with the REGISTER and may pass it by
        WampMessage conflict = join(state, request, uri, match, invoke, discloseCaller, joined);
        if (conflict != null) {
            peer.send(conflict);
            return;
        }
        Callee callee = Objects.requireNonNull(joined.callee);
        Registration registration = callee.registration();
        if (state.closed) {
            // the session left while we registered: undo, whoever of us gets there first
            if (state.registrations.remove(registration.id()) != null) {
                removeCallee(callee);
            }
            return;
        }
        // told before REGISTERED goes out: whatever the callee's client does once it has REGISTERED makes meta
        // events that come after these
        if (joined.created) {
            notify(listener -> listener.created(peer, registration));
        }
        notify(listener -> listener.registered(peer, registration));
        // active and acknowledged as one step: no INVOCATION overtakes REGISTERED, no CALL after it misses it
        peer.sendAfter(() -> {
            if (state.registrations.get(registration.id()) == callee) {
                callee.activate();
            }
            return new Registered(request, registration.id());
        });
    }

    /** What {@link #join} did, for the code after the acknowledgement. */
    private static final class Joined {
        @Nullable Callee callee;
        boolean created;
    }

    /** Adds the callee to the registration, inactive; the ERROR of a conflict, or null when it joined. */
    private @Nullable WampMessage join(DealerSession state, long request, String uri, MatchPolicy match,
            InvokePolicy invoke, boolean discloseCaller, Joined joined) {
        String[] conflict = new String[1];
        table.compute(match, uri, (key, current) -> {
            if (current == null) {
                Registration created = new Registration(Ids.random(), uri, match, invoke);
                joined.callee = created.add(state.peer, discloseCaller);
                joined.created = true;
                return created;
            }
            if (current.invoke() == InvokePolicy.SINGLE || state.registrations.containsKey(current.id())) {
                conflict[0] = WampUris.PROCEDURE_ALREADY_EXISTS;
            }
            else if (current.invoke() != invoke) {
                conflict[0] = WampUris.PROCEDURE_EXISTS_WITH_DIFFERENT_INVOCATION_POLICY;
            }
            else {
                joined.callee = current.add(state.peer, discloseCaller);
            }
            return current;
        });
        if (conflict[0] != null) {
            return Options.error(MessageType.REGISTER, request, conflict[0],
                    "procedure '" + uri + "' is already registered" + (conflict[0].equals(
                            WampUris.PROCEDURE_ALREADY_EXISTS) ? "" : " with another invocation policy"));
        }
        Registration registration = joined.callee.registration();
        byId.put(registration.id(), registration);
        state.registrations.put(registration.id(), joined.callee);
        return null;
    }

    void unregister(WampPeer peer, Unregister unregister) {
        DealerSession state = sessions.get(peer.sessionId());
        long registration = unregister.registration();
        Callee[] removed = new Callee[1];
        boolean[] deleted = new boolean[1];
        // removed and acknowledged as one step: no INVOCATION of a CALL routed meanwhile lands behind UNREGISTERED.
        // The callee also leaves the URI table before UNREGISTERED goes out: a CALL made after the callee learned it
        // is gone (and told someone) must reach the next best match (a prefix, another shared callee), not find the
        // deactivated callee still listed and fail with no_such_procedure.
        peer.sendAfter(() -> {
            removed[0] = state != null ? state.registrations.remove(registration) : null;
            if (removed[0] == null) {
                return Options.error(MessageType.UNREGISTER, unregister.request(), WampUris.NO_SUCH_REGISTRATION,
                        "no registration " + registration + " of this session");
            }
            removed[0].deactivate();
            deleted[0] = detach(removed[0]);
            return new Unregistered(unregister.request(), Map.of());
        });
        if (removed[0] != null) {
            notifyRemoved(removed[0], deleted[0]);
        }
    }

    /**
     * Revokes a registration from the router's side: every callee gets {@code UNREGISTERED} with the registration
     * and the reason (those that announced registration revocation) and the registration is gone. False when there
     * is no such registration.
     */
    public boolean revoke(long registrationId, String reason) {
        Registration registration = byId.get(registrationId);
        if (registration == null) {
            return false;
        }
        for (Callee callee : registration.callees()) {
            DealerSession state = sessions.get(callee.sessionId());
            boolean[] removed = new boolean[1];
            Unregistered revoked = new Unregistered(0, Map.of("registration", registrationId, "reason", reason));
            callee.peer().sendIf(() -> {
                removed[0] = state != null && state.registrations.remove(registrationId, callee);
                callee.deactivate();
                return removed[0] && callee.peer().supports("callee", "registration_revocation");
            }, revoked);
            if (removed[0]) {
                removeCallee(callee);
            }
        }
        return true;
    }

    private void removeCallee(Callee callee) {
        notifyRemoved(callee, detach(callee));
    }

    /** Takes the callee out of its registration, and the registration out of the table once empty: true then. */
    private boolean detach(Callee callee) {
        Registration registration = callee.registration();
        boolean[] deleted = new boolean[1];
        table.compute(registration.match(), registration.uri(), (uri, current) -> {
            if (current != registration) {
                return current;
            }
            current.remove(callee);
            if (current.isEmpty()) {
                byId.remove(current.id());
                deleted[0] = true;
                return null;
            }
            return current;
        });
        return deleted[0];
    }

    private void notifyRemoved(Callee callee, boolean deleted) {
        Registration registration = callee.registration();
        long sessionId = callee.sessionId();
        notify(listener -> listener.unregistered(sessionId, registration));
        if (deleted) {
            notify(listener -> listener.deleted(sessionId, registration));
        }
    }

    private void notify(Consumer<RegistrationListener> event) {
        for (RegistrationListener listener : listeners) {
            try {
                event.accept(listener);
            }
            catch (RuntimeException ex) {
                logger.warn("Registration listener {} failed", listener, ex);
            }
        }
    }

    void call(WampPeer caller, Call call) {
        calls.call(caller, call);
    }

    void yield(WampPeer callee, Yield yield) {
        calls.yield(callee, yield);
    }

    void invocationError(WampPeer callee, ErrorMessage error) {
        calls.invocationError(callee, error);
    }

    void cancel(WampPeer caller, Cancel cancel) {
        calls.cancel(caller, cancel);
    }

    void leave(WampPeer peer) {
        DealerSession leaving = sessions.get(peer.sessionId());
        if (leaving == null) {
            return;
        }
        // out of every invocation policy's choice before out of the sessions: a call that picked one of these
        // callees and then missed its session would otherwise pick it again (first, last) and fail for nothing
        leaving.registrations.values().forEach(Callee::deactivate);
        DealerSession state = sessions.remove(peer.sessionId());
        if (state == null) {
            return;
        }
        state.closed = true;
        List<Callee> held = new ArrayList<>();
        for (Long registrationId : state.registrations.keys()) {
            Callee callee = state.registrations.remove(registrationId);
            if (callee != null) {
                callee.deactivate();
                held.add(callee);
            }
        }
        // out of the URI table first (no new call can pick them), then the waiting callers get their ERROR, and only
        // then go the registration meta events: listeners (the meta API publishing) must not delay those callers
        boolean[] deleted = new boolean[held.size()];
        for (int i = 0; i < held.size(); i++) {
            deleted[i] = detach(held.get(i));
        }
        calls.leave(state);
        for (int i = 0; i < held.size(); i++) {
            notifyRemoved(held.get(i), deleted[i]);
        }
    }
}
