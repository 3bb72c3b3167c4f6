package io.wampspring.autoconfigure;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values the router could only misuse fail the application's start, and Spring Boot's report names the property,
 * its value and the reason.
 */
class WampPropertiesValidationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class));

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "wamp.max-message-size           | -1MB   | -1048576B   | must be positive",
            "wamp.max-message-size           | 0      | 0B          | must be positive",
            "wamp.max-message-size           | 3GB    | 3221225472B | must be at most 2147483639 bytes",
            "wamp.local.event-backlog        | -5     | -5          | must be at least 1",
            "wamp.local.event-backlog        | 0      | 0           | must be at least 1",
            "wamp.send-buffer.max-size       | 0      | 0B          | must be positive",
            "wamp.send-buffer.max-size       | -16MB  | -16777216B  | must be positive",
            "wamp.servlet.message-buffer-size | 127B  | 127B        | must be at least 128B",
            "wamp.servlet.message-buffer-size | 0     | 0B          | must be at least 128B",
            "wamp.servlet.socket-buffer-size | 511B   | 511B        | must be at least 512B",
            "wamp.close-timeout              | -1s    | PT-1S       | must be positive",
            "wamp.close-timeout              | 0      | PT0S        | must be positive",
            "wamp.handshake-timeout          | 0s     | PT0S        | must be positive",
            "wamp.handshake-timeout          | -10s   | PT-10S      | must be positive",
            "wamp.rpc.call-timeout           | -5s    | PT-5S       | must not be negative",
            "wamp.path                       | ws     | ws          | must start with '/'",
            "wamp.local.authid               | ' '    | ' '         | must not be blank",
            "wamp.local.authrole             | ''     | ''          | must not be blank",
            "wamp.realms[0].name             | 'a b'  | a b         | is not a valid realm URI",
            "wamp.realms[0].auth-methods     | ''     | []          | is empty",
            "wamp.realms[0].anonymous-role   | ''     | ''          | must not be blank",
            "wamp.limits.sessions-per-realm  | -1     | -1          | must not be negative (0 for no limit)",
            "wamp.limits.sessions-per-address | -1    | -1          | must not be negative (0 for no limit)",
            "wamp.limits.outstanding-calls-per-session | -1 | -1    | must not be negative (0 for no limit)",
            "wamp.limits.messages-per-second | -10    | -10         | must not be negative (0 for no limit)",
            "wamp.limits.message-burst       | -1     | -1          | must not be negative (0 for no limit)",
    })
    void nonsenseFailsStartupNamingThePropertyAndItsValue(String property, String value, String shown,
            String reason) {
        runner.withPropertyValues(property + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            // Boot shows the value as bound (a DataSize in bytes, a Duration in ISO-8601)
            assertReport(context.getStartupFailure(), property, shown, reason);
        });
    }

    @Test
    void aNegativeProcedureTimeoutAndAnInvalidProcedureAreNamed() {
        runner.withPropertyValues("wamp.rpc.procedure-timeouts[0].procedure=com.shop.ping",
                "wamp.rpc.procedure-timeouts[0].timeout=-1s",
                "wamp.rpc.procedure-timeouts[1].procedure=com..shop", "wamp.rpc.procedure-timeouts[1].timeout=1s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertReport(context.getStartupFailure(), "wamp.rpc.procedure-timeouts[0].timeout", "PT-1S",
                            "must not be negative");
                    assertReport(context.getStartupFailure(), "wamp.rpc.procedure-timeouts[1].procedure",
                            "com..shop", "is not a valid exact procedure URI");
                });
    }

    @Test
    void aPrefixProcedureTimeoutMayEndWithADot() {
        runner.withPropertyValues("wamp.rpc.procedure-timeouts[0].procedure=com.shop.",
                "wamp.rpc.procedure-timeouts[0].match=prefix", "wamp.rpc.procedure-timeouts[0].timeout=1s")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aRealmConfiguredTwiceIsNamed() {
        runner.withPropertyValues("wamp.realms[0].name=twice", "wamp.realms[1].name=twice").run(context -> {
            assertThat(context).hasFailed();
            assertReport(context.getStartupFailure(), "wamp.realms[1].name", "twice",
                    "realm 'twice' is configured twice");
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        runner.withPropertyValues("wamp.max-message-size=0", "wamp.local.event-backlog=-5").run(context -> {
            assertThat(context).hasFailed();
            assertReport(context.getStartupFailure(), "wamp.max-message-size", "0B", "must be positive");
            assertReport(context.getStartupFailure(), "wamp.local.event-backlog", "-5", "must be at least 1");
        });
    }

    @Test
    void sensibleEdgeValuesStart() {
        runner.withPropertyValues("wamp.max-message-size=1B", "wamp.local.event-backlog=1",
                "wamp.send-buffer.max-size=1B", "wamp.close-timeout=1ms", "wamp.handshake-timeout=1ms",
                "wamp.rpc.call-timeout=0", "wamp.path=/", "wamp.limits.sessions-per-realm=1",
                "wamp.limits.messages-per-second=1", "wamp.limits.message-burst=0",
                "wamp.servlet.message-buffer-size=128B", "wamp.servlet.socket-buffer-size=512B")
                .run(context -> assertThat(context).hasNotFailed());
    }

    private static void assertReport(Throwable failure, String property, String value, String reason) {
        FailureAnalysis analysis = StartupFailures.analyze(failure);
        assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
        Consumer<String> hasEntry = description -> assertThat(description)
                .contains("Property: " + property + "\n")
                .contains("Value: \"" + value.strip() + "\"")
                .containsPattern("Property: " + java.util.regex.Pattern.quote(property)
                        + "\\n(?:.*\\n){1,3}?\\s*Reason: [^\\n]*" + java.util.regex.Pattern.quote(reason));
        hasEntry.accept(analysis.getDescription());
        assertThat(analysis.getAction()).contains("Update your application's configuration");
    }
}
