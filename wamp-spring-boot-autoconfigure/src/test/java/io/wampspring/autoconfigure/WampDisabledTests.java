package io.wampspring.autoconfigure;

import java.util.Map;
import java.util.Optional;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code wamp.enabled=false} follows Spring Boot's convention for a disabled feature: no WAMP bean exists, so a bean
 * that must work either way injects {@code ObjectProvider<WampTemplate>} or {@code Optional<WampTemplate>}, and a
 * bean that requires a {@code WampTemplate} fails the start with a report naming {@code wamp.enabled}
 * ({@link WampDisabledFailureAnalyzer}).
 */
@ExtendWith(OutputCaptureExtension.class)
class WampDisabledTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class))
            .withPropertyValues("wamp.enabled=false");

    @Test
    void anObjectProviderGetsNoTemplate() {
        runner.withBean(OptionalPublisher.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(WampTemplate.class);
            assertThat(context.getBean(OptionalPublisher.class).publish("com.shop.audit")).isFalse();
        });
    }

    @Test
    void theSameBeanPublishesWhenEnabled() {
        runner.withPropertyValues("wamp.enabled=true").withBean(OptionalPublisher.class).run(context -> {
            assertThat(context).hasSingleBean(WampTemplate.class);
            assertThat(context.getBean(OptionalPublisher.class).publish("com.shop.audit")).isTrue();
        });
    }

    @Test
    void anOptionalIsEmpty() {
        runner.withBean(OptionalTemplate.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(OptionalTemplate.class).template).isEmpty();
        });
    }

    @Test
    void annotatedBeansStartButAreNotRegistered() {
        runner.withBean(Endpoint.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(Endpoint.class)
                    .doesNotHaveBean(io.wampspring.spring.invocation.WampEndpointRegistrar.class);
        });
    }

    @Test
    void aBeanThatRequiresTheTemplateFailsNamingWampEnabled(CapturedOutput output) {
        SpringApplication application = new SpringApplication(RequiresTemplateApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("wamp.enabled", "false", "spring.main.banner-mode", "off"));
        assertThatThrownBy(application::run).hasStackTraceContaining("WampTemplate");
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Bean '"
                + RequiresTemplate.class.getName() + "' requires a io.wampspring.spring.core.WampTemplate, but the "
                + "WAMP router is switched off (wamp.enabled=false), so there is none.")
                .contains("Set wamp.enabled=true, or inject ObjectProvider<WampTemplate> (or Optional<WampTemplate>) "
                        + "where the bean must also work without WAMP.");
    }

    static class OptionalPublisher {

        private final ObjectProvider<WampTemplate> wamp;

        OptionalPublisher(ObjectProvider<WampTemplate> wamp) {
            this.wamp = wamp;
        }

        /** Publishes if WAMP runs; says whether it did. */
        boolean publish(String topic) {
            WampTemplate template = wamp.getIfAvailable();
            if (template == null) {
                return false;
            }
            template.publish(topic, "entry").join();
            return true;
        }
    }

    static class OptionalTemplate {

        final Optional<WampTemplate> template;

        OptionalTemplate(Optional<WampTemplate> template) {
            this.template = template;
        }
    }

    static class Endpoint {

        @WampProcedure("com.shop.ping")
        public String ping() {
            return "pong";
        }
    }

    @Test
    void aMissingBeanOfAnotherKindIsLeftToBoot(CapturedOutput output) {
        SpringApplication application = new SpringApplication(RequiresStringBuilderApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("wamp.enabled", "false", "spring.main.banner-mode", "off"));
        assertThatThrownBy(application::run).hasStackTraceContaining("StringBuilder");
        assertThat(output).contains("APPLICATION FAILED TO START").doesNotContain("wamp.enabled=false")
                .contains("Consider defining a bean of type 'java.lang.StringBuilder'");
    }

    static class RequiresStringBuilder {

        RequiresStringBuilder(StringBuilder builder) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(WampAutoConfiguration.class)
    @Import(RequiresStringBuilder.class)
    static class RequiresStringBuilderApplication {
    }

    static class RequiresTemplate {

        RequiresTemplate(WampTemplate wamp) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(WampAutoConfiguration.class)
    @Import(RequiresTemplate.class)
    static class RequiresTemplateApplication {
    }
}
