package io.wampspring.sample.browser;

import io.wampspring.router.WampRouter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@link SessionControlTestConfiguration}'s endpoints on Reactor Netty: WebFlux's functional endpoints. */
@TestConfiguration(proxyBeanMethods = false) // not picked up by the sample's component scan
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class ReactiveSessionControl {

    @Bean
    RouterFunction<ServerResponse> sessionControl(WampRouter router) {
        return RouterFunctions.route()
                .POST(SessionControlTestConfiguration.CLOSE, request -> respond(SessionControlTestConfiguration.end(
                        router, request.pathVariable("id"), SessionControlTestConfiguration::close)))
                .POST(SessionControlTestConfiguration.KILL, request -> respond(SessionControlTestConfiguration.end(
                        router, request.pathVariable("id"), SessionControlTestConfiguration::kill)))
                .build();
    }

    private static Mono<ServerResponse> respond(boolean ended) {
        return ended ? ServerResponse.ok().bodyValue("ended") : ServerResponse.notFound().build();
    }
}
