package io.wampspring.router;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Register;
import io.wampspring.router.message.Registered;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Unregister;
import io.wampspring.router.message.Unregistered;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.ProtocolViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes calls of one realm: registrations, CALL to INVOCATION, YIELD or ERROR back to RESULT or ERROR. Runs on the
 * thread that delivered each message; all state is in concurrent maps, with no lock shared across sessions.
 */
public final class Dealer {

    private static final Logger logger = LoggerFactory.getLogger(Dealer.class);

    private final UriCheck uriCheck;
    private final Authorizer authorizer;
    private final ConcurrentHashMap<String, Registration> exact = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Registration> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, SessionState> sessions = new ConcurrentHashMap<>();

    Dealer(UriCheck uriCheck, Authorizer authorizer) {
        this.uriCheck = uriCheck;
        this.authorizer = authorizer;
    }

    /** The features this dealer announces in WELCOME. */
    public Map<String, Object> features() {
        return Map.of();
    }

    public @Nullable Registration registration(long id) {
        return byId.get(id);
    }

    public List<Registration> registrations() {
        return List.copyOf(byId.values());
    }

    void join(WampPeer peer) {
        sessions.put(peer.sessionId(), new SessionState());
    }

    void register(WampPeer callee, Register register) {
        long request = register.request();
        String uri = register.procedure();
        String match = Options.string(register.options(), "match", "exact");
        String invoke = Options.string(register.options(), "invoke", "single");
        if (!match.equals("exact")) {
            callee.send(Options.error(MessageType.REGISTER, request, WampUris.INVALID_ARGUMENT,
                    "match policy '" + match + "' is not supported"));
            return;
        }
        if (!invoke.equals("single")) {
            callee.send(Options.error(MessageType.REGISTER, request, WampUris.INVALID_ARGUMENT,
                    "invocation policy '" + invoke + "' is not supported"));
            return;
        }
        if (!uriCheck.isValid(uri, false) || uri.startsWith(WampUris.RESERVED_PREFIX)) {
            callee.send(Options.error(MessageType.REGISTER, request, WampUris.INVALID_URI,
                    "invalid or reserved procedure URI '" + uri + "'"));
            return;
        }
        if (!authorizer.isAuthorized(callee.identity(), Action.REGISTER, uri)) {
            callee.send(Options.error(MessageType.REGISTER, request, WampUris.NOT_AUTHORIZED,
                    "not authorized to register '" + uri + "'"));
            return;
        }
        SessionState state = sessions.get(callee.sessionId());
        if (state == null) {
            return;
        }
        Registration created = new Registration(Ids.random(), uri, match, invoke, List.of(callee));
        // visible and acknowledged as one step: no INVOCATION overtakes REGISTERED, no CALL after it misses it
        callee.sendAfter(() -> {
            if (exact.putIfAbsent(uri, created) != null) {
                return Options.error(MessageType.REGISTER, request, WampUris.PROCEDURE_ALREADY_EXISTS,
                        "procedure '" + uri + "' is already registered");
            }
            byId.put(created.id(), created);
            state.registrations.add(created.id());
            return new Registered(request, created.id());
        });
        if (state.closed) {
            // the session left while we registered: undo, whoever of us gets there first
            removeCallee(created.id(), callee);
        }
    }

    void unregister(WampPeer callee, Unregister unregister) {
        SessionState state = sessions.get(callee.sessionId());
        long registration = unregister.registration();
        boolean[] removed = new boolean[1];
        // removed and acknowledged as one step: no INVOCATION of a CALL routed meanwhile lands behind UNREGISTERED
        callee.sendAfter(() -> {
            removed[0] = state != null && state.registrations.remove(registration);
            return removed[0] ? new Unregistered(unregister.request(), Map.of())
                    : Options.error(MessageType.UNREGISTER, unregister.request(), WampUris.NO_SUCH_REGISTRATION,
                            "no registration " + registration + " of this session");
        });
        if (removed[0]) {
            removeCallee(registration, callee);
        }
    }

    private void removeCallee(long registrationId, WampPeer callee) {
        Registration registration = byId.get(registrationId);
        if (registration == null) {
            return;
        }
        exact.computeIfPresent(registration.uri(), (uri, current) -> {
            if (current.id() != registrationId) {
                return current;
            }
            Registration remaining = current.withoutCallee(callee);
            if (remaining.callees().isEmpty()) {
                byId.remove(registrationId);
                return null;
            }
            byId.put(registrationId, remaining);
            return remaining;
        });
    }

    void call(WampPeer caller, Call call) {
        long request = call.request();
        String uri = call.procedure();
        if (!uriCheck.isValid(uri, false)) {
            caller.send(Options.error(MessageType.CALL, request, WampUris.INVALID_URI,
                    "invalid procedure URI '" + uri + "'"));
            return;
        }
        if (!authorizer.isAuthorized(caller.identity(), Action.CALL, uri)) {
            caller.send(Options.error(MessageType.CALL, request, WampUris.NOT_AUTHORIZED,
                    "not authorized to call '" + uri + "'"));
            return;
        }
        Registration registration = exact.get(uri);
        SessionState callerState = sessions.get(caller.sessionId());
        if (registration == null || registration.callees().isEmpty() || callerState == null) {
            caller.send(Options.error(MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE,
                    "no callee registered for procedure '" + uri + "'"));
            return;
        }
        WampPeer callee = registration.callees().get(0);
        SessionState calleeState = sessions.get(callee.sessionId());
        if (calleeState == null) {
            caller.send(Options.error(MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE,
                    "no callee registered for procedure '" + uri + "'"));
            return;
        }
        PendingCall pending = new PendingCall(caller, request, callee, callee.nextRequestId());
        if (callerState.calls.putIfAbsent(request, pending) != null) {
            throw new ProtocolViolationException("CALL request id " + request + " is already in flight");
        }
        calleeState.invocations.put(pending.invocationId, pending);
        if (calleeState.closed) {
            if (calleeState.invocations.remove(pending.invocationId) != null) {
                failCall(pending, "callee left before the call reached it");
            }
            return;
        }
        Long registrationId = registration.id();
        Invocation invocation = new Invocation(pending.invocationId, registrationId, Map.of(), call.payload());
        // queued only while the callee still holds the registration: never behind its UNREGISTERED
        if (!callee.sendIf(() -> calleeState.registrations.contains(registrationId), invocation)
                && calleeState.invocations.remove(pending.invocationId) != null) {
            callerState.calls.remove(request);
            caller.send(Options.error(MessageType.CALL, request, WampUris.NO_SUCH_PROCEDURE,
                    "no callee registered for procedure '" + uri + "'"));
        }
    }

    void yield(WampPeer callee, Yield yield) {
        PendingCall pending = completeInvocation(callee, yield.request());
        if (pending != null) {
            pending.caller.send(new Result(pending.callerRequest, Map.of(), yield.payload()));
        }
    }

    void invocationError(WampPeer callee, ErrorMessage error) {
        PendingCall pending = completeInvocation(callee, error.request());
        if (pending != null) {
            pending.caller.send(new ErrorMessage(MessageType.CALL, pending.callerRequest, error.details(),
                    error.error(), error.payload()));
        }
    }

    /** Removes an invocation once its callee answered; an answer to an unknown invocation is ignored. */
    private @Nullable PendingCall completeInvocation(WampPeer callee, long invocationId) {
        SessionState calleeState = sessions.get(callee.sessionId());
        PendingCall pending = calleeState != null ? calleeState.invocations.remove(invocationId) : null;
        if (pending == null) {
            logger.debug("Session {} answered unknown invocation {}", callee.sessionId(), invocationId);
            return null;
        }
        SessionState callerState = sessions.get(pending.caller.sessionId());
        if (callerState == null || callerState.calls.remove(pending.callerRequest) == null) {
            return null;
        }
        return pending;
    }

    void leave(WampPeer peer) {
        SessionState state = sessions.remove(peer.sessionId());
        if (state == null) {
            return;
        }
        state.closed = true;
        for (Long registrationId : state.registrations) {
            removeCallee(registrationId, peer);
        }
        // every call in flight to this callee fails for its caller at once
        for (Long invocationId : state.invocations.keySet()) {
            PendingCall pending = state.invocations.remove(invocationId);
            if (pending != null) {
                failCall(pending, "callee left during the call");
            }
        }
        // calls this session made: forget them, their answers have nowhere to go
        for (PendingCall pending : state.calls.values()) {
            SessionState calleeState = sessions.get(pending.callee.sessionId());
            if (calleeState != null) {
                calleeState.invocations.remove(pending.invocationId);
            }
        }
    }

    private void failCall(PendingCall pending, String message) {
        SessionState callerState = sessions.get(pending.caller.sessionId());
        if (callerState != null && callerState.calls.remove(pending.callerRequest) != null) {
            pending.caller.send(Options.error(MessageType.CALL, pending.callerRequest, WampUris.CANCELED, message));
        }
    }

    /** The dealer's view of one joined session. */
    private static final class SessionState {
        final Set<Long> registrations = ConcurrentHashMap.newKeySet();
        /** Invocations this session owes an answer to, by the router's invocation request id. */
        final ConcurrentHashMap<Long, PendingCall> invocations = new ConcurrentHashMap<>();
        /** Calls this session made and awaits, by the caller's request id. */
        final ConcurrentHashMap<Long, PendingCall> calls = new ConcurrentHashMap<>();
        volatile boolean closed;
    }

    private record PendingCall(WampPeer caller, long callerRequest, WampPeer callee, long invocationId) {
    }
}
