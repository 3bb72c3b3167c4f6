package io.wampspring.autoconfigure.actuate;

import io.wampspring.autoconfigure.WampAutoConfiguration;
import io.wampspring.router.WampRouter;
import io.wampspring.spring.actuate.WampEndpoint;
import io.wampspring.spring.actuate.WampHealthIndicator;
import io.wampspring.spring.event.WampApplicationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WampEndpointAutoConfiguration} and {@link WampHealthContributorAutoConfiguration}: the actuator stays optional. */
class WampActuatorAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            // as in an application: `none`, `read-only` and `unrestricted` convert to Access
            .withInitializer(context -> context.getEnvironment()
                    .setConversionService(new ApplicationConversionService()))
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class,
                    WampEndpointAutoConfiguration.class, WampHealthContributorAutoConfiguration.class));

    @Test
    void endpointWhenExposedAndHealthByDefault() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=wamp").run(context -> {
            assertThat(context).hasSingleBean(WampEndpoint.class).hasBean("wampHealthIndicator")
                    .hasSingleBean(WampHealthIndicator.class).hasSingleBean(WampApplicationEvents.class);
            WampEndpoint.RouterDescriptor router = context.getBean(WampEndpoint.class).router();
            assertThat(router.accepting()).isTrue();
            assertThat(router.realms()).containsOnlyKeys("realm1");
            assertThat(context.getBean(WampHealthIndicator.class).health().getStatus().getCode()).isEqualTo("UP");
            context.getBean(WampRouter.class).beginShutdown();
            assertThat(context.getBean(WampHealthIndicator.class).health().getStatus().getCode()).isEqualTo("DOWN");
        });
    }

    @Test
    void noEndpointUnlessExposed() {
        runner.run(context -> assertThat(context).doesNotHaveBean(WampEndpoint.class)
                .hasSingleBean(WampHealthIndicator.class));
    }

    @Test
    void noEndpointWhenItsAccessIsNone() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=wamp",
                "management.endpoint.wamp.access=none").run(context ->
                assertThat(context).doesNotHaveBean(WampEndpoint.class));
    }

    @Test
    void healthCanBeSwitchedOff() {
        runner.withPropertyValues("management.health.wamp.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(WampHealthIndicator.class));
    }

    /** Imported by name, as from the auto-configuration imports: conditions are read from the class files. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({WampAutoConfiguration.class, WampEndpointAutoConfiguration.class,
            WampHealthContributorAutoConfiguration.class})
    static class AsAnApplication {
    }

    @Test
    void withoutTheActuatorTheRouterStillStarts() {
        new ApplicationContextRunner().withUserConfiguration(AsAnApplication.class)
                .withPropertyValues("management.endpoints.web.exposure.include=*")
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
                        "org.springframework.boot.health")).run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(WampRouter.class)
                            .doesNotHaveBean(WampEndpoint.class).doesNotHaveBean(WampHealthIndicator.class);
                });
    }
}
