package io.wampspring.autoconfigure.actuate;

import io.wampspring.autoconfigure.WampAutoConfiguration;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.actuate.WampHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code wamp} health contributor, when Spring Boot's health support is on the classpath; switched off with
 * {@code management.health.wamp.enabled=false}.
 */
@AutoConfiguration(after = WampAutoConfiguration.class,
        beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass({WampRouter.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(WampRouter.class)
@ConditionalOnEnabledHealthIndicator("wamp")
public final class WampHealthContributorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "wampHealthIndicator")
    WampHealthIndicator wampHealthIndicator(WampRouter router) {
        return new WampHealthIndicator(router);
    }
}
