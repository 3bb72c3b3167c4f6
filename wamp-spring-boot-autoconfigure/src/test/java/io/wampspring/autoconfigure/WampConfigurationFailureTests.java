package io.wampspring.autoconfigure;

import io.wampspring.spring.annotation.WampProcedure;
import io.wampspring.spring.annotation.WampTopic;
import io.wampspring.spring.core.WampConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Setups that cannot work fail the start with one analysis (through {@link WampConfigurationFailureAnalyzer},
 * registered in META-INF/spring.factories) that names the property or the method and says what to do.
 */
class WampConfigurationFailureTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class));

    @Test
    void anUnknownDefaultRealmNamesTheProperty() {
        runner.withPropertyValues("wamp.default-realm=nope").run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription()).isEqualTo("wamp.default-realm is 'nope', but the router has no "
                    + "realm named 'nope'; its realms: [realm1]");
            assertThat(analysis.getAction()).isEqualTo("Set wamp.default-realm to one of [realm1], or add a realm "
                    + "named 'nope' to wamp.realms.");
        });
    }

    @Test
    void aProcedureInAnUnknownRealmNamesTheMethod() {
        runner.withUserConfiguration(NopeProcedure.class).run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription())
                    .startsWith("@WampProcedure on public java.lang.String " + NopeProcedure.class.getName()
                            + ".call() names realm = \"nope\", but the router has no realm named 'nope'")
                    .endsWith("its realms: [realm1]");
            assertThat(analysis.getAction()).contains("Use one of [realm1] in @WampProcedure(realm = ...) of "
                    + NopeProcedure.class.getName() + ".call").contains("add a realm named 'nope' to wamp.realms");
        });
    }

    @Test
    void aTopicInAnUnknownRealmNamesTheMethod() {
        runner.withPropertyValues("wamp.realms[0].name=one", "wamp.realms[1].name=two")
                .withUserConfiguration(NopeTopic.class).run(context -> {
                    FailureAnalysis analysis = analysis(context);
                    assertThat(analysis.getDescription())
                            .startsWith("@WampTopic on public void " + NopeTopic.class.getName()
                                    + ".onEvent(java.lang.String) names realm = \"nope\"")
                            .endsWith("its realms: [one, two]");
                });
    }

    @Test
    void aDuplicateProcedureNamesBothMethods() {
        runner.withUserConfiguration(First.class, Second.class).run(context -> {
            FailureAnalysis analysis = analysis(context);
            assertThat(analysis.getDescription())
                    .startsWith("@WampProcedure 'test.twice' of realm 'realm1' is declared twice, on ")
                    .contains(First.class.getName() + ".twice()").contains(Second.class.getName() + ".again()")
                    .contains("wamp.error.procedure_already_exists");
            assertThat(analysis.getAction()).startsWith("Remove one of the two methods, or give one of them another "
                    + "procedure URI");
        });
    }

    @Test
    void anUnsupportedAuthMethodIsOneLineNamingTheProperty() {
        runner.withPropertyValues("wamp.realms[0].name=secure", "wamp.realms[0].auth-methods=anonymous,kerberos")
                .run(context -> {
                    FailureAnalysis analysis = analysis(context);
                    assertThat(analysis.getDescription()).startsWith("wamp.realms[0].auth-methods[1] is 'kerberos': "
                            + "authentication method 'kerberos' of realm 'secure' is not available; supported: "
                            + "[anonymous");
                    assertThat(analysis.getAction()).startsWith(
                            "Remove 'kerberos' from wamp.realms[0].auth-methods, or use one of [anonymous");
                });
    }

    /** The analysis Boot prints, which must be ours rather than a chain of bean creation errors. */
    private static FailureAnalysis analysis(AssertableApplicationContext context) {
        assertThat(context).hasFailed();
        FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
        assertThat(analysis).isNotNull();
        assertThat(analysis.getCause()).isInstanceOf(WampConfigurationException.class);
        assertThat(analysis.getDescription()).doesNotContain("\n");
        return analysis;
    }

    static class NopeProcedure {

        @WampProcedure(value = "test.nope", realm = "nope")
        public String call() {
            return "never";
        }
    }

    static class NopeTopic {

        @WampTopic(value = "test.nope", realm = "nope")
        public void onEvent(String event) {
        }
    }

    static class First {

        @WampProcedure("test.twice")
        public String twice() {
            return "first";
        }
    }

    static class Second {

        @WampProcedure("test.twice")
        public String again() {
            return "second";
        }
    }
}
