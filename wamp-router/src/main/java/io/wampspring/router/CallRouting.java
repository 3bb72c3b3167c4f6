package io.wampspring.router;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.match.UriTable;
import io.wampspring.router.message.Call;
import io.wampspring.router.message.Cancel;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Interrupt;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.WampMessage;
import io.wampspring.router.message.Yield;
import io.wampspring.router.serialization.ProtocolViolationException;
import io.wampspring.router.serialization.UnserializableValueException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of each call: CALL to INVOCATION (with progressive invocations), progressive and final YIELD to RESULT,
 * ERROR, CANCEL in its three modes, timeouts, and either side leaving. Every end goes through
 * {@link PendingCall#tryEnd}, so a caller is answered exactly once and nothing for a call follows its answer.
 */
final class CallRouting {

    private static final Logger logger = LoggerFactory.getLogger(CallRouting.class);
    private static final Map<String, Object> PROGRESS = Map.of("progress", true);

    private final UriCheck uriCheck;
    private final Authorizer authorizer;
    private final RpcConfig rpc;
    private final UriTable<Registration> registrations;
    private final ConcurrentHashMap<Long, DealerSession> sessions;
    private final CallTimeouts timeouts;
    private final CallObserver observer;

    CallRouting(UriCheck uriCheck, Authorizer authorizer, RpcConfig rpc, UriTable<Registration> registrations,
            ConcurrentHashMap<Long, DealerSession> sessions, ScheduledExecutorService timer, CallObserver observer) {
        this.uriCheck = uriCheck;
        this.authorizer = authorizer;
        this.rpc = rpc;
        this.registrations = registrations;
        this.sessions = sessions;
        this.timeouts = new CallTimeouts(rpc, timer);
        this.observer = observer;
    }

    void call(WampPeer caller, Call call) {
        long request = call.request();
        DealerSession callerState = sessions.get(caller.sessionId());
        if (callerState == null) {
            return;
        }
        boolean progress = Options.flag(call.options(), "progress", false);
        PendingCall streaming = callerState.calls.get(request);
        if (streaming != null) {
            continueInvocation(streaming, call, progress);
            return;
        }
        if (callerState.endedStreams.containsKey(request)) {
            // a CALL of a stream whose call has ended: its caller has its answer already
            if (!progress) {
                callerState.endedStreams.remove(request);
            }
            return;
        }
        long started = System.nanoTime();
        if (progress && !callerState.callerSendsProgressiveInvocations) {
            throw new ProtocolViolationException(
                    "CALL with progress: true from a caller that did not announce progressive_call_invocations");
        }
        if (callerState.callLimit > 0 && callerState.calls.size() >= callerState.callLimit) {
            // the count cannot grow meanwhile (this session's CALLs come one at a time), only fall
            observer.limitExceeded(Limit.OUTSTANDING_CALLS_PER_SESSION);
            refuse(callerState, started, request, progress, WampUris.LIMIT_EXCEEDED, "this session already awaits "
                    + callerState.callLimit + " calls, the most allowed (wamp.limits.outstanding-calls-per-session)");
            return;
        }
        String uri = call.procedure();
        if (!uriCheck.isValid(uri, false)) {
            refuse(callerState, started, request, progress, WampUris.INVALID_URI,
                    "invalid procedure URI '" + uri + "'");
            return;
        }
        // the router's own service session is the router: nobody decides for it
        Authorization authorization = caller.isRouterService() ? Authorization.ALLOW
                : authorizer.authorize(caller.identity(), Action.CALL, uri);
        if (!authorization.allowed()) {
            refuse(callerState, started, request, progress, WampUris.NOT_AUTHORIZED,
                    "role '" + caller.identity().authrole() + "' is not authorized to call '" + uri + "'");
            return;
        }
        boolean discloseMe = Options.flag(call.options(), "disclose_me", false);
        if (discloseMe && rpc.callerDisclosure() == Disclosure.NEVER) {
            refuse(callerState, started, request, progress, WampUris.OPTION_NOT_ALLOWED,
                    "this realm never discloses callers");
            return;
        }
        // a rule that discloses this role's calls counts as asking (a realm that never discloses still does not)
        discloseMe |= authorization.disclosed();
        long timeoutMillis = timeouts.of(call, uri);
        if (timeoutMillis < 0) {
            refuse(callerState, started, request, progress, WampUris.INVALID_ARGUMENT,
                    "timeout must be a non-negative integer (ms)");
            return;
        }
        Registration registration = registrations.bestMatch(uri);
        // a callee that is leaving may still be listed: try the policy's next pick a few times
        for (int attempt = 0; registration != null && attempt < 3; attempt++) {
            Callee callee = registration.select();
            if (callee == null) {
                break;
            }
            DealerSession calleeState = sessions.get(callee.sessionId());
            if (calleeState == null) {
                continue;
            }
            if (progress && !calleeState.calleeTakesProgressiveInvocations) {
                refuse(callerState, started, request, true, WampUris.FEATURE_NOT_SUPPORTED,
                        "the callee of '" + uri + "' does not take progressive call invocations");
                return;
            }
            PendingCall pending = new PendingCall(started, callerState, request, calleeState, callee,
                    callee.peer().nextRequestId(), Options.flag(call.options(), "receive_progress", false), progress);
            pending.invocationDetails = details(call, uri, pending, discloseMe, timeoutMillis, progress);
            Invocation invocation = new Invocation(pending.invocationId, registration.id(), pending.invocationDetails,
                    call.payload());
            Boolean sent = invoke(pending, invocation);
            if (sent == null) {
                return;
            }
            if (sent) {
                timeouts.start(pending, timeoutMillis, () -> timedOut(pending, timeoutMillis));
                return;
            }
        }
        refuse(callerState, started, request, progress, WampUris.NO_SUCH_PROCEDURE,
                "no callee registered for procedure '" + uri + "'");
    }

    /**
     * Sends the first INVOCATION of a call, queued only while the callee still holds the registration (never behind
     * its UNREGISTERED). True when sent; false when the callee let go of it (try another); null when the call has
     * been answered already (the payload could not be sent, or the callee left).
     */
    private @Nullable Boolean invoke(PendingCall pending, Invocation invocation) {
        pending.caller.calls.put(pending.callerRequest, pending);
        pending.callee.invocations.put(pending.invocationId, pending);
        if (pending.caller.closed) {
            // the caller left while its CALL was routed, after its leave looked for its calls: nobody would interrupt
            // this invocation, so it is not sent (leave sets closed before it looks, and we put before we check)
            if (pending.tryEnd()) {
                observer.abandoned(pending.started);
            }
            return null;
        }
        if (pending.callee.closed) {
            finish(pending, canceled(pending, "callee left before the call reached it"));
            return null;
        }
        boolean sent;
        try {
            sent = pending.registered.peer().sendIf(pending::startInvocation, invocation);
        }
        catch (UnserializableValueException ex) {
            finish(pending, error(pending, WampUris.INVALID_PAYLOAD,
                    "the arguments cannot be sent to the callee: " + ex.getMessage()));
            return null;
        }
        if (!sent) {
            if (!pending.tryEnd()) {
                // ended meanwhile (the callee or the caller left), and answered for if anyone awaits it
                return null;
            }
            // never sent: another callee is tried, so the stream has not ended
            pending.caller.endedStreams.remove(pending.callerRequest);
        }
        return sent;
    }

    private Map<String, Object> details(Call call, String uri, PendingCall pending, boolean discloseMe,
            long timeoutMillis, boolean progress) {
        Callee callee = pending.registered;
        boolean pattern = callee.registration().match() != MatchPolicy.EXACT;
        // the router's own services learn who calls them whatever the realm discloses: they are the router
        boolean disclose = rpc.callerDisclosure() == Disclosure.ALWAYS
                || (rpc.callerDisclosure() == Disclosure.ON_REQUEST && (discloseMe || callee.discloseCaller()))
                || (callee.discloseCaller() && callee.peer().isRouterService());
        boolean forwardTimeout = timeoutMillis > 0 && pending.callee.calleeKnowsTimeouts;
        if (!pattern && !disclose && !pending.receiveProgress && !progress && !forwardTimeout) {
            return Map.of();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (pattern) {
            details.put("procedure", uri);
        }
        if (disclose) {
            AuthIdentity identity = pending.caller.peer.identity();
            details.put("caller", pending.caller.peer.sessionId());
            details.put("caller_authid", identity.authid());
            details.put("caller_authrole", identity.authrole());
        }
        if (pending.receiveProgress) {
            details.put("receive_progress", true);
        }
        if (progress) {
            details.put("progress", true);
        }
        if (forwardTimeout) {
            details.put("timeout", timeoutMillis);
        }
        return details;
    }

    /** A further CALL of a progressive invocation: the same invocation id to the same callee, options frozen. */
    private void continueInvocation(PendingCall pending, Call call, boolean progress) {
        if (!pending.invocationsOpen) {
            throw new ProtocolViolationException("CALL request id " + call.request() + " is already in flight");
        }
        synchronized (pending) {
            pending.invocationsOpen = progress;
            if (pending.isEnded()) {
                // ended meanwhile (see PendingCall.tryEnd): drop this CALL; the last one lets go of the request id
                if (!progress) {
                    pending.caller.endedStreams.remove(pending.callerRequest);
                }
                return;
            }
        }
        // the first INVOCATION's details hold for the whole stream; only progress follows each CALL
        Map<String, Object> details = pending.invocationDetails;
        if (!progress) {
            details = new LinkedHashMap<>(details);
            details.remove("progress");
        }
        Invocation invocation = new Invocation(pending.invocationId, pending.registered.registration().id(),
                details, call.payload());
        try {
            pending.registered.peer().sendIf(() -> !pending.isEnded(), invocation);
        }
        catch (UnserializableValueException ex) {
            finish(pending, error(pending, WampUris.INVALID_PAYLOAD,
                    "the arguments cannot be sent to the callee: " + ex.getMessage()));
            interrupt(pending, "killnowait");
        }
    }

    private void timedOut(PendingCall pending, long timeoutMillis) {
        if (finish(pending, error(pending, WampUris.TIMEOUT, "the call timed out after " + timeoutMillis + " ms"))) {
            interrupt(pending, "killnowait");
        }
    }

    void yield(WampPeer callee, Yield yield) {
        PendingCall pending = invocationOf(callee, yield.request());
        if (pending == null) {
            return;
        }
        if (Options.flag(yield.options(), "progress", false)) {
            // progress the caller did not ask for is dropped: it gets the final result only
            if (pending.receiveProgress) {
                deliver(pending, new Result(pending.callerRequest, PROGRESS, yield.payload()), false);
            }
            return;
        }
        deliver(pending, new Result(pending.callerRequest, Map.of(), yield.payload()), true);
    }

    /** Delivers a RESULT; one the caller's serializer cannot write becomes an ERROR, never a lost answer. */
    private void deliver(PendingCall pending, Result result, boolean last) {
        try {
            if (last) {
                finish(pending, result);
            }
            else {
                pending.sendToCaller(result);
            }
        }
        catch (UnserializableValueException ex) {
            logger.debug("Result of call {} cannot be serialized for its caller", pending.callerRequest, ex);
            if (finish(pending, error(pending, WampUris.INVALID_PAYLOAD,
                    "the callee's result cannot be sent to the caller: " + ex.getMessage())) && !last) {
                interrupt(pending, "killnowait");
            }
        }
    }

    void invocationError(WampPeer callee, ErrorMessage error) {
        PendingCall pending = invocationOf(callee, error.request());
        if (pending == null) {
            return;
        }
        ErrorMessage toCaller = new ErrorMessage(MessageType.CALL, pending.callerRequest, error.details(),
                error.error(), error.payload());
        try {
            finish(pending, toCaller);
        }
        catch (UnserializableValueException ex) {
            finish(pending, error(pending, error.error(), "the callee's error arguments cannot be sent: "
                    + ex.getMessage()));
        }
    }

    /** The call behind an invocation a callee answers; null (and ignored) for one it does not owe. */
    private @Nullable PendingCall invocationOf(WampPeer callee, long invocationId) {
        DealerSession state = sessions.get(callee.sessionId());
        PendingCall pending = state != null ? state.invocations.get(invocationId) : null;
        if (pending == null) {
            logger.debug("Session {} answered unknown or finished invocation {}", callee.sessionId(), invocationId);
        }
        return pending;
    }

    void cancel(WampPeer caller, Cancel cancel) {
        DealerSession state = sessions.get(caller.sessionId());
        PendingCall pending = state != null ? state.calls.get(cancel.request()) : null;
        // absent means kill; present, it must name a mode (a number or list is no mode, not the default)
        Object option = cancel.options().getOrDefault("mode", "kill");
        String mode = option instanceof String name ? name : "";
        if (!mode.equals("skip") && !mode.equals("kill") && !mode.equals("killnowait")) {
            caller.send(Options.error(MessageType.CANCEL, cancel.request(), WampUris.INVALID_ARGUMENT,
                    "unknown cancel mode '" + option + "'"));
            return;
        }
        if (pending == null) {
            // already answered, or never made: nothing to cancel
            return;
        }
        if (!pending.callee.calleeCanCancel) {
            // a callee that cannot be interrupted: the caller is answered now and the callee's answer dropped
            mode = "skip";
        }
        switch (mode) {
            case "skip" -> finish(pending, canceled(pending, "the call was canceled"));
            case "killnowait" -> {
                if (finish(pending, canceled(pending, "the call was canceled"))) {
                    interrupt(pending, "killnowait");
                }
            }
            default -> {
                // kill: the callee is interrupted and its answer, whichever it is, ends the call
                if (!pending.interrupted) {
                    pending.interrupted = true;
                    pending.registered.peer().sendIf(() -> !pending.isEnded(),
                            new Interrupt(pending.invocationId, Map.of("mode", "kill")));
                }
            }
        }
    }

    private static void interrupt(PendingCall pending, String mode) {
        if (pending.callee.calleeCanCancel && !pending.callee.closed) {
            // only behind the INVOCATION: a call that ended before it went out never reaches the callee at all
            pending.registered.peer().sendIf(pending::invocationSent,
                    new Interrupt(pending.invocationId, Map.of("mode", mode)));
        }
    }

    /** A session left: calls to it fail for their callers, calls it made are interrupted at their callees. */
    void leave(DealerSession state) {
        for (PendingCall pending : state.invocations.values()) {
            finish(pending, canceled(pending, "callee left during the call"));
        }
        for (PendingCall pending : state.calls.values()) {
            if (pending.tryEnd()) {
                observer.abandoned(pending.started);
                interrupt(pending, "killnowait");
            }
        }
    }

    private void refuse(DealerSession caller, long started, long request, boolean progress, String uri,
            String message) {
        if (progress) {
            // the first CALL of a stream: the rest of it, already under way, must not start calls of its own
            caller.endedStreams.put(request, Boolean.TRUE);
        }
        ErrorMessage error = Options.error(MessageType.CALL, request, uri, message);
        caller.peer.send(error);
        observer.answered(started, error);
    }

    /** Ends a call with its last message to the caller, and tells the observer; false when it had ended already. */
    private boolean finish(PendingCall pending, WampMessage toCaller) {
        if (!pending.finish(toCaller)) {
            return false;
        }
        observer.answered(pending.started, toCaller);
        return true;
    }

    private static ErrorMessage canceled(PendingCall pending, String message) {
        return error(pending, WampUris.CANCELED, message);
    }

    private static ErrorMessage error(PendingCall pending, String uri, String message) {
        return Options.error(MessageType.CALL, pending.callerRequest, uri, message);
    }
}
