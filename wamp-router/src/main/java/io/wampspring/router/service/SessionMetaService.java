package io.wampspring.router.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.wampspring.router.Realm;
import io.wampspring.router.RouterSession;
import io.wampspring.router.SessionListener;
import io.wampspring.router.UriCheck;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The session meta API of one realm: the {@code wamp.session.*} procedures, registered by the router's service
 * session through the dealer like any callee, and the events {@code wamp.session.on_join} and {@code on_leave},
 * published through the broker, for every client session alike: remote, in-process (annotated beans,
 * {@code WampTemplate}). The router's own service session is never listed, found, killed or reported.
 *
 * <p>The kill procedures end sessions the way a router shutdown does ({@link RouterSession#goodbye}): GOODBYE with the
 * {@code reason} keyword argument ({@code wamp.close.normal} when absent, as the spec says) and the {@code message},
 * if given, in its details; the session is out of the realm before its GOODBYE goes out. The caller never kills itself:
 * {@code kill} of its own id is {@code wamp.error.no_such_session}, the others leave it out.
 */
public final class SessionMetaService implements SessionListener {

    static final String ON_JOIN = "wamp.session.on_join";
    static final String ON_LEAVE = "wamp.session.on_leave";

    private final Realm realm;
    private final MetaSession meta;
    private final UriCheck uriCheck;

    SessionMetaService(Realm realm, MetaSession meta, UriCheck uriCheck) {
        this.realm = realm;
        this.meta = meta;
        this.uriCheck = uriCheck;
    }

    void start() {
        meta.procedure("wamp.session.count", args -> (long) sessions(args).size());
        meta.procedure("wamp.session.list", args -> sessions(args).stream().map(RouterSession::sessionId).toList());
        meta.procedure("wamp.session.get", args -> details(session(args.id(0, "session"))));
        meta.payloadProcedure("wamp.session.kill", args -> {
            long id = args.id(0, "session");
            Goodbye goodbye = goodbye(args);
            if (id == args.caller()) {
                throw new WampException(WampUris.NO_SUCH_SESSION, "no other session " + id);
            }
            session(id).goodbye(goodbye.reason, goodbye.message);
            return Payload.EMPTY;
        });
        meta.procedure("wamp.session.kill_by_authid", args -> {
            String authid = args.string(0, "authid");
            return kill(args, session -> session.identity().authid().equals(authid));
        });
        meta.procedure("wamp.session.kill_by_authrole", args -> {
            String authrole = args.string(0, "authrole");
            return kill(args, session -> session.identity().authrole().equals(authrole));
        });
        meta.procedure("wamp.session.kill_all", args -> kill(args, session -> true));
        realm.addSessionListener(this);
        realm.dealer().announce("session_meta_api");
        realm.broker().announce("session_meta_api");
    }

    /** The realm's client sessions, of the authroles the optional first argument lists. */
    private List<RouterSession> sessions(MetaArguments args) {
        List<String> authroles = args.optionalStrings(0, "filter_authroles");
        return realm.sessions().stream()
                .filter(session -> authroles == null || authroles.contains(session.identity().authrole()))
                .toList();
    }

    private RouterSession session(long id) {
        RouterSession session = realm.session(id);
        if (session == null) {
            throw new WampException(WampUris.NO_SUCH_SESSION, "no session " + id);
        }
        return session;
    }

    /** Kills the sessions {@code which} selects but the caller's; returns how many this call ended. */
    private long kill(MetaArguments args, Predicate<RouterSession> which) {
        Goodbye goodbye = goodbye(args);
        long caller = args.caller();
        long killed = 0;
        for (RouterSession session : new ArrayList<>(realm.sessions())) {
            if (session.sessionId() != caller && which.test(session)
                    && session.goodbye(goodbye.reason, goodbye.message)) {
                killed++;
            }
        }
        return killed;
    }

    private Goodbye goodbye(MetaArguments args) {
        Object reason = args.keyword("reason");
        if (reason != null && !(reason instanceof String uri && uriCheck.isValid(uri, false))) {
            throw new WampException(WampUris.INVALID_URI, "reason must be a valid non-empty URI, not '" + reason + "'");
        }
        return new Goodbye(reason != null ? (String) reason : WampUris.CLOSE_NORMAL,
                args.keywordString("message", null));
    }

    /** GOODBYE.Reason and GOODBYE.Details.message (null: no message) for the sessions a call kills. */
    private record Goodbye(String reason, @Nullable String message) {
    }

    /** SessionDetails as the spec defines them, with the transport described as we know it. */
    static Map<String, Object> details(RouterSession session) {
        AuthIdentity identity = session.identity();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("session", session.sessionId());
        details.put("authid", identity.authid());
        details.put("authrole", identity.authrole());
        details.put("authmethod", identity.authmethod());
        details.put("authprovider", identity.authprovider());
        details.put("transport", session.connection().info().details());
        return details;
    }

    @Override
    public void joined(RouterSession session) {
        meta.event(ON_JOIN, List.of(details(session)));
    }

    @Override
    public void left(RouterSession session) {
        AuthIdentity identity = session.identity();
        meta.event(ON_LEAVE, List.of(session.sessionId(), identity.authid(), identity.authrole()));
    }
}
