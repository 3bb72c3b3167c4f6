package io.wampspring.router.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongFunction;

import io.wampspring.router.UriEntry;
import io.wampspring.router.WampUris;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.match.MatchPolicy;
import io.wampspring.router.message.Payload;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the meta APIs share: the router's service session, which registers their procedures (with
 * {@code disclose_caller}, so each learns who calls it) and publishes their events, and the shapes of their answers.
 * The router's own {@code wamp.} entries are nobody's business: they are not listed, not found, and fire no meta
 * events.
 */
final class MetaSession {

    private static final Logger logger = LoggerFactory.getLogger(MetaSession.class);

    private final LocalSession session;

    MetaSession(LocalSession session) {
        this.session = session;
    }

    /** Registers a meta procedure whose result is the one value {@code body} returns (null included). */
    void procedure(String uri, Function<MetaArguments, @Nullable Object> body) {
        payloadProcedure(uri, args -> Payload.of(Arrays.asList(body.apply(args)), null));
    }

    /** Registers a meta procedure whose result is the payload {@code body} returns (empty: no value at all). */
    void payloadProcedure(String uri, Function<MetaArguments, Payload> body) {
        session.register(uri, Map.of("disclose_caller", true), invocation -> CompletableFuture.completedFuture(
                body.apply(new MetaArguments(uri, invocation.payload(), invocation.details())))).join();
    }

    /** Publishes the meta event {@code [session, second]} about an entry, unless the entry is the router's own. */
    void event(String topic, UriEntry entry, long sessionId, Object second) {
        if (isPublic(entry)) {
            event(topic, List.of(sessionId, second));
        }
    }

    /** Publishes a meta event with the positional arguments {@code args}. */
    void event(String topic, List<Object> args) {
        if (!session.isOpen()) {
            return;
        }
        session.publish(topic, Map.of(), Payload.of(args, null))
                .exceptionally(failure -> {
                    logger.debug("Meta event {} not published", topic, failure);
                    return null;
                });
    }

    static boolean isPublic(UriEntry entry) {
        return !entry.uri().startsWith(WampUris.RESERVED_PREFIX);
    }

    /** The ids of the public entries by match policy: {@code {exact: [...], prefix: [...], wildcard: [...]}}. */
    static Map<String, Object> list(Collection<? extends UriEntry> entries) {
        Map<String, List<Long>> lists = new LinkedHashMap<>();
        for (MatchPolicy policy : MatchPolicy.values()) {
            lists.put(policy.wireName(), new ArrayList<>());
        }
        for (UriEntry entry : entries) {
            if (isPublic(entry)) {
                lists.get(entry.match().wireName()).add(entry.id());
            }
        }
        return new LinkedHashMap<>(lists);
    }

    static @Nullable Long idOrNull(@Nullable UriEntry entry) {
        return entry != null && isPublic(entry) ? entry.id() : null;
    }

    /**
     * The public entry whose id is the first argument (named {@code name}), found with {@code byId}; else the
     * {@code error} ({@code wamp.error.no_such_registration}, {@code no_such_subscription}).
     */
    static <T extends UriEntry> T entry(MetaArguments args, String name, LongFunction<@Nullable T> byId,
            String error) {
        long id = args.id(0, name);
        T entry = byId.apply(id);
        if (entry == null || !isPublic(entry)) {
            throw new WampException(error, "no " + name + " " + id);
        }
        return entry;
    }

    /** The details every entry has, in the spec's order: id, created (ISO 8601), uri, match. */
    static Map<String, Object> details(UriEntry entry) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", entry.id());
        details.put("created", entry.created().toString());
        details.put("uri", entry.uri());
        details.put("match", entry.match().wireName());
        return details;
    }
}
