package io.wampspring.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import io.wampspring.router.auth.ScramCredential;
import io.wampspring.router.auth.ScramParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code scram} block of a principal: each mistake stops the start naming its property, a realm offering
 * wamp-scram to nobody is refused, and {@link WampScramCredentials} prints a derived form that starts.
 */
class WampScramPropertiesTests {

    private static final String DAVE = "wamp.realms[0].principals.dave.";
    private static final String KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class))
            .withPropertyValues("wamp.realms[0].auth-methods=wamp-scram", DAVE + "role=user");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown kdf          | scram.kdf=argon2       | scram.password=x   | scram.kdf        | argon2     | must be argon2id13, argon2id-13 or pbkdf2",
            "empty password       | scram.password=        | scram.kdf=pbkdf2   | scram.password   | ''         | must not be empty",
            "password and salt    | scram.password=x       | scram.salt=" + KEY + " | scram.password | x  | not both",
            "no credential        | scram.kdf=pbkdf2       | scram.iterations=5 | scram.salt       | null       | is required without a password",
            "salt not base64      | scram.salt=%%%         | scram.iterations=5 | scram.salt       | %%%        | is not base64",
            "short salt           | scram.salt=AAAA        | scram.iterations=5 | scram.salt       | AAAA       | at least 8 bytes, not 3",
            "short stored key     | scram.stored-key=AAAA  | scram.iterations=5 | scram.stored-key | AAAA       | base64 of 32 bytes, not 3",
            "no iterations        | scram.salt=" + KEY + " | scram.kdf=pbkdf2 | scram.iterations | null         | is required with derived values",
            "no argon2 memory     | scram.salt=" + KEY + " | scram.iterations=1 | scram.memory   | null         | is required with derived Argon2id values",
            "zero iterations      | scram.password=x       | scram.iterations=0 | scram.iterations | 0          | must be at least 1",
            "tiny memory          | scram.password=x       | scram.memory=7     | scram.memory     | 7          | must be at least 8 (KiB)",
            "memory for pbkdf2    | scram.kdf=pbkdf2       | scram.memory=64    | scram.memory     | 64         | applies to Argon2id only",
            "no role              | role=                  | scram.password=x   | role             | ''         | must not be blank: it is the authrole of principal 'dave'",
    })
    void eachMistakeStopsTheStartNamingItsProperty(String name, String first, String second, String property,
            String shown, String reason) {
        runner.withPropertyValues(DAVE + first, DAVE + second).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
            assertThat(analysis).as("failure analysis of %s", context.getStartupFailure()).isNotNull();
            String full = "wamp.realms[0].principals.dave." + property;
            assertThat(analysis.getDescription()).containsPattern("Property: " + Pattern.quote(full)
                    + "\\n(?:.*\\n){1,3}?\\s*Reason: [^\\n]*" + Pattern.quote(reason));
            if (!shown.equals("null")) {
                assertThat(analysis.getDescription()).contains("Value: \"" + (shown.equals("''") ? "" : shown) + "\"");
            }
        });
    }

    @Test
    void aRealmOfferingScramToNobodyIsRefused() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(WampAutoConfiguration.class))
                .withPropertyValues("wamp.realms[0].auth-methods=anonymous,scram").run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = StartupFailures.analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("wamp.realms[0].auth-methods[1] is 'scram', "
                            + "but no principal of realm 'realm1' has a scram credential");
                    assertThat(analysis.getAction()).contains("wamp.realms[0].principals.<authid>.scram.password");
                });
    }

    @Test
    void thePrintedDerivedFormStartsAndHoldsNoPassword() {
        WampScramCredentials.Options options = WampScramCredentials.Options.parse(
                new String[] {"--authid", "dave", "--role", "user", "--kdf", "pbkdf2", "--iterations", "4096"});
        ScramCredential credential = ScramCredential.derive("dave-secret", options.parameters());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WampScramCredentials.print(options, credential, new PrintStream(out, true, StandardCharsets.UTF_8));
        String yaml = out.toString(StandardCharsets.UTF_8);

        assertThat(yaml).doesNotContain("dave-secret").contains("dave:\n  role: user\n  scram:\n    kdf: pbkdf2\n")
                .contains("    iterations: 4096\n")
                .contains("    salt: " + Base64.getEncoder().encodeToString(credential.salt()) + "\n")
                .doesNotContain("memory");
        runner.withPropertyValues(yaml.lines().filter(line -> line.startsWith("    "))
                .map(line -> DAVE + "scram." + line.strip().replaceFirst(": ", "="))
                .toArray(String[]::new)).run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theToolsOptionsAreChecked() {
        assertThat(WampScramCredentials.Options.parse(new String[0]).parameters())
                .isEqualTo(ScramParameters.argon2id(2, 19456));
        assertThat(WampScramCredentials.Options.parse(new String[] {"--kdf", "pbkdf2"}).parameters())
                .isEqualTo(ScramParameters.pbkdf2(600_000));
        assertThatIllegalArgumentException().isThrownBy(
                () -> WampScramCredentials.Options.parse(new String[] {"--kdf", "sha1"}));
        assertThatIllegalArgumentException().isThrownBy(
                () -> WampScramCredentials.Options.parse(new String[] {"--iterations"}));
        assertThatIllegalArgumentException().isThrownBy(
                () -> WampScramCredentials.Options.parse(new String[] {"--iterations", "0"}));
    }
}
