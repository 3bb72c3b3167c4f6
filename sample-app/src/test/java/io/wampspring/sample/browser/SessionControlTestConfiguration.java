package io.wampspring.sample.browser;

import java.util.function.Consumer;

import io.wampspring.router.Realm;
import io.wampspring.router.RouterSession;
import io.wampspring.router.WampRouter;
import io.wampspring.router.transport.CloseReason;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Test only: lets the browser test end a page's WAMP session from the server side, through the router's API, in the
 * two ways a page meets in real life. Not part of the sample app (a functional endpoint, so that no component scan
 * picks it up for other tests), on whichever web stack the app runs.
 * <ul>
 * <li>{@code POST /test/sessions/{id}/close} closes the session's WebSocket without a WAMP word, like a dropped
 * connection: autobahn-js reconnects by itself.</li>
 * <li>{@code POST /test/sessions/{id}/kill} ends the session with GOODBYE {@code wamp.close.killed}, as the router ends
 * every session with {@code wamp.close.system_shutdown} when the app stops: autobahn-js does not reconnect after a
 * GOODBYE, the page does.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ServletSessionControl.class, ReactiveSessionControl.class})
class SessionControlTestConfiguration {

    static final String CLOSE = "/test/sessions/{id}/close";
    static final String KILL = "/test/sessions/{id}/kill";

    static void close(RouterSession session) {
        session.connection().close(CloseReason.SHUTDOWN);
    }

    static void kill(RouterSession session) {
        session.goodbye("wamp.close.killed", "ended by the browser test");
    }

    /** Ends session {@code id} of realm1 the given way; false if there is no such session. */
    static boolean end(WampRouter router, String id, Consumer<RouterSession> how) {
        Realm realm = router.realm("realm1");
        RouterSession session = realm == null ? null : realm.session(Long.parseLong(id));
        if (session == null) {
            return false;
        }
        how.accept(session);
        return true;
    }
}
