package io.wampspring.router.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wampspring.router.Broker;
import io.wampspring.router.Realm;
import io.wampspring.router.RouterSession;
import io.wampspring.router.SessionListener;
import io.wampspring.router.WampUris;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Publish;
import org.jspecify.annotations.Nullable;

/**
 * Testaments of one realm: {@code wamp.session.add_testament(topic, args, kwargs)} with the keyword arguments
 * {@code publish_options} and {@code scope} ({@code destroyed}, the default, or {@code detached}), and
 * {@code wamp.session.flush_testaments} with the keyword argument {@code scope}, which answers how many testaments it
 * removed. Announced as the dealer feature {@code testament_meta_api}.
 *
 * <p>The testaments of a session are kept here, per scope in the order they were added, and published when the
 * session leaves the realm, however it leaves (GOODBYE, kill, lost connection, shutdown): through the broker, as that
 * session's own PUBLISH with the given options would be (its authorization, its identity if {@code disclose_me}, its
 * black- and whitelists, retention), only never acknowledged. A testament the broker would refuse is refused when it is
 * added, with the broker's error ({@code wamp.error.invalid_uri}, {@code not_authorized}, {@code invalid_argument}).
 *
 * <p>Detached and destroyed: this router has no session resumption, so a session is detached from its transport and
 * destroyed at the same moment, when it leaves. Both buckets are kept apart, as the spec requires, so that each can be
 * flushed on its own; on leave the {@code detached} ones are published first, then the {@code destroyed} ones.
 */
public final class TestamentService implements SessionListener {

    static final String ADD_TESTAMENT = "wamp.session.add_testament";
    static final String FLUSH_TESTAMENTS = "wamp.session.flush_testaments";

    /** The scopes, in the order their testaments are published. */
    private static final List<String> SCOPES = List.of("detached", "destroyed");

    private final Realm realm;
    private final MetaSession meta;
    /**
     * The testaments of each joined client session that added one: most never do, so a session gets its entry with
     * its first testament, not when it joins. A session that left has none.
     */
    private final ConcurrentHashMap<Long, Testaments> bySession = new ConcurrentHashMap<>();

    TestamentService(Realm realm, MetaSession meta) {
        this.realm = realm;
        this.meta = meta;
    }

    void start() {
        meta.payloadProcedure(ADD_TESTAMENT, this::add);
        meta.procedure(FLUSH_TESTAMENTS, args -> {
            Testaments testaments = bySession.get(member(args).sessionKey());
            return (long) (testaments != null ? testaments.flush(scope(args)) : 0);
        });
        realm.addSessionListener(this);
        realm.dealer().announce("testament_meta_api");
    }

    private Payload add(MetaArguments args) {
        String topic = args.string(0, "topic");
        List<Object> eventArgs = args.optionalList(1, "args");
        @Nullable Map<String, Object> eventKwargs = args.has(2) ? args.optionalDict(2, "kwargs") : null;
        Map<String, Object> options = new LinkedHashMap<>(args.keywordDict("publish_options"));
        options.remove("acknowledge"); // nobody is left to acknowledge to
        String scope = scope(args);
        Testaments testaments = testaments(args);
        Publish publish = new Publish(0, options, topic,
                Payload.of(eventArgs, eventKwargs));
        ErrorMessage refusal = realm.broker().refusal(testaments.session, publish);
        if (refusal != null) {
            throw new WampException(refusal.error(), refusal.payload().args(), refusal.payload().kwargs());
        }
        testaments.add(scope, publish);
        return Payload.EMPTY;
    }

    /** The {@code scope} keyword argument, {@code destroyed} when absent. */
    private static String scope(MetaArguments args) {
        String scope = args.keywordString("scope", "destroyed");
        if (!SCOPES.contains(scope)) {
            throw args.invalid("scope must be 'destroyed' or 'detached', not '" + scope + "'");
        }
        return scope;
    }

    /** The calling session, a member of this realm. */
    private RouterSession member(MetaArguments args) {
        long caller = args.caller();
        RouterSession session = realm.session(caller);
        if (session == null) {
            throw new WampException(WampUris.NO_SUCH_SESSION, "no session " + caller + " in realm " + realm.name());
        }
        return session;
    }

    /** The caller's testaments, created with its first. */
    private Testaments testaments(MetaArguments args) {
        RouterSession session = member(args);
        Testaments testaments = bySession.computeIfAbsent(session.sessionKey(), id -> new Testaments(session));
        // the realm lets go of a session before its listeners hear it left: a session still a member now has its
        // testaments published by left(); one that left meanwhile must not keep an entry nobody would remove
        if (realm.session(session.sessionId()) != session) {
            bySession.remove(session.sessionKey(), testaments);
            throw new WampException(WampUris.NO_SUCH_SESSION, "no session " + session.sessionId() + " in realm "
                    + realm.name());
        }
        return testaments;
    }

    @Override
    public void left(RouterSession session) {
        Testaments testaments = bySession.remove(session.sessionId());
        if (testaments != null) {
            for (Publish publish : testaments.takeAll()) {
                realm.broker().publishFor(session, publish);
            }
        }
    }

    /** One session's testaments, by scope, in the order they were added. */
    private static final class Testaments {

        final RouterSession session;
        private final Map<String, List<Publish>> byScope = new LinkedHashMap<>();
        private boolean taken;

        Testaments(RouterSession session) {
            this.session = session;
            for (String scope : SCOPES) {
                byScope.put(scope, new ArrayList<>());
            }
        }

        synchronized void add(String scope, Publish publish) {
            if (!taken) {
                byScope.get(scope).add(publish);
            }
        }

        synchronized int flush(String scope) {
            List<Publish> flushed = byScope.get(scope);
            int count = flushed.size();
            flushed.clear();
            return count;
        }

        /** Every testament, detached ones first; none can be added after. */
        synchronized List<Publish> takeAll() {
            taken = true;
            List<Publish> all = new ArrayList<>();
            byScope.values().forEach(all::addAll);
            return all;
        }
    }
}
