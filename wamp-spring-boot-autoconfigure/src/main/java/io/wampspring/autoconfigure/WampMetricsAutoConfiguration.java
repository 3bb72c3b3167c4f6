package io.wampspring.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.wampspring.router.RouterObserver;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.observation.MicrometerRouterObserver;
import io.wampspring.spring.observation.WampRouterMeters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The router's meters ({@code wamp.*}) in the application's {@link MeterRegistry}, when Micrometer is on the class
 * path and a registry is defined (by Spring Boot's metrics auto-configuration or by the application). The router
 * takes the {@link RouterObserver} defined here as it is made; the gauges read the router when scraped.
 */
@AutoConfiguration(after = WampAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, WampRouter.class})
@ConditionalOnBean(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "wamp.enabled", matchIfMissing = true)
public final class WampMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(RouterObserver.class)
    MicrometerRouterObserver wampRouterObserver(MeterRegistry registry) {
        return new MicrometerRouterObserver(registry);
    }

    @Bean
    @ConditionalOnBean(WampRouter.class)
    @ConditionalOnMissingBean
    WampRouterMeters wampRouterMeters(WampRouter router, MeterRegistry registry) {
        WampRouterMeters meters = new WampRouterMeters(router);
        meters.bindTo(registry);
        return meters;
    }
}
