package io.wampspring.sample.browser;

import java.util.function.Consumer;

import io.wampspring.router.Realm;
import io.wampspring.router.RouterSession;
import io.wampspring.router.WampRouter;
import io.wampspring.router.transport.CloseReason;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Test only: lets the browser test end a page's WAMP session from the server side, through the router's API, in the
 * two ways a page meets in real life. Not part of the sample app (a functional endpoint, so that no component scan
 * picks it up for other tests).
 * <ul>
 * <li>{@code POST /test/sessions/{id}/close} closes the session's WebSocket without a WAMP word, like a dropped
 * connection: autobahn-js reconnects by itself.</li>
 * <li>{@code POST /test/sessions/{id}/kill} ends the session with GOODBYE {@code wamp.close.killed}, as the router ends
 * every session with {@code wamp.close.system_shutdown} when the app stops: autobahn-js does not reconnect after a
 * GOODBYE, the page does.</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
class SessionControlTestConfiguration {

    @Bean
    RouterFunction<ServerResponse> sessionControl(WampRouter router) {
        return RouterFunctions.route()
                .POST("/test/sessions/{id}/close",
                        request -> end(router, request, session -> session.connection().close(CloseReason.SHUTDOWN)))
                .POST("/test/sessions/{id}/kill",
                        request -> end(router, request,
                                session -> session.goodbye("wamp.close.killed", "ended by the browser test")))
                .build();
    }

    private static ServerResponse end(WampRouter router, ServerRequest request, Consumer<RouterSession> how) {
        Realm realm = router.realm("realm1");
        RouterSession session = realm == null ? null : realm.session(Long.parseLong(request.pathVariable("id")));
        if (session == null) {
            return ServerResponse.notFound().build();
        }
        how.accept(session);
        return ServerResponse.ok().body("ended");
    }
}
