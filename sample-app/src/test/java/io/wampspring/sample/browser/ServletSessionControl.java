package io.wampspring.sample.browser;

import io.wampspring.router.WampRouter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/** {@link SessionControlTestConfiguration}'s endpoints on Tomcat: Spring MVC's functional endpoints. */
@TestConfiguration(proxyBeanMethods = false) // not picked up by the sample's component scan
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ServletSessionControl {

    @Bean
    RouterFunction<ServerResponse> sessionControl(WampRouter router) {
        return RouterFunctions.route()
                .POST(SessionControlTestConfiguration.CLOSE, request -> respond(SessionControlTestConfiguration.end(
                        router, request.pathVariable("id"), SessionControlTestConfiguration::close)))
                .POST(SessionControlTestConfiguration.KILL, request -> respond(SessionControlTestConfiguration.end(
                        router, request.pathVariable("id"), SessionControlTestConfiguration::kill)))
                .build();
    }

    private static ServerResponse respond(boolean ended) {
        return ended ? ServerResponse.ok().body("ended") : ServerResponse.notFound().build();
    }
}
