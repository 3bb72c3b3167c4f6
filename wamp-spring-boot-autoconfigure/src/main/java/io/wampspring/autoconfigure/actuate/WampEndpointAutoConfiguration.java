package io.wampspring.autoconfigure.actuate;

import io.wampspring.autoconfigure.WampAutoConfiguration;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.actuate.WampEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code wamp} actuator endpoint, when the actuator is on the classpath and the endpoint is available (its access
 * is not {@code none} and it is exposed).
 */
@AutoConfiguration(after = WampAutoConfiguration.class)
@ConditionalOnClass({WampRouter.class, ConditionalOnAvailableEndpoint.class})
@ConditionalOnBean(WampRouter.class)
@ConditionalOnAvailableEndpoint(WampEndpoint.class)
public final class WampEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WampEndpoint wampEndpoint(WampRouter router) {
        return new WampEndpoint(router);
    }
}
