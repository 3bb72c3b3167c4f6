package io.wampspring.router.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The key derivations and the SCRAM computations against published and independently computed values. */
class ScramPrimitivesTest {

    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    /** RFC 7677 section 3: user "user", password "pencil", PBKDF2 with 4096 iterations. */
    @Test
    void theRfc7677ExchangeVerifiesWithTheDerivedKeys() {
        ScramCredential credential = ScramCredential.derive("pencil", ScramParameters.pbkdf2(4096),
                BASE64.decode("W22ZaJ0SNY7soEsUEjb6gQ=="));
        String clientNonce = "rOprNGfwEbeRWgbNEkqO";
        String nonce = "rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";

        String authMessage = ScramDialect.WAMP_SCRAM.authMessage("user", clientNonce, nonce, credential);

        assertThat(authMessage).isEqualTo("n=user,r=rOprNGfwEbeRWgbNEkqO,"
                + "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096,"
                + "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0");
        byte[] proof = BASE64.decode("dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        byte[] clientSignature = ScramTestClient.hmac(credential.storedKey(), authMessage);
        byte[] clientKey = new byte[32];
        for (int i = 0; i < 32; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        assertThat(ScramTestClient.sha256(clientKey)).isEqualTo(credential.storedKey());
        assertThat(ScramTestClient.hmac(credential.serverKey(), authMessage))
                .isEqualTo(BASE64.decode("6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4="));
    }

    /** Reference values from argon2-cffi ({@code hash_secret_raw}, type ID, version 19, parallelism 1). */
    @Test
    void argon2idMatchesTheReferenceImplementationUnderBothNames() {
        byte[] password = "dave-secret".getBytes(StandardCharsets.UTF_8);
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        assertThat(ScramKdf.ARGON2ID13.saltedPassword(password, salt, 2, 64))
                .isEqualTo(BASE64.decode("ykG5nBXp6caEyiXMK8JjPwY5Z4xZvXDseQXyT9mTOCs="));
        // autobahn-python's key is the hash part of "$argon2id$v=19$m=64,t=2,p=1$MDEy...$ykG5...OCs"
        assertThat(new String(ScramKdf.ARGON2ID_13.saltedPassword(password, salt, 2, 64), StandardCharsets.US_ASCII))
                .isEqualTo("ykG5nBXp6caEyiXMK8JjPwY5Z4xZvXDseQXyT9mTOCs");
    }

    @Test
    void pbkdf2MatchesAHandWrittenPbkdf2() {
        byte[] salt = "salt-salt".getBytes(StandardCharsets.US_ASCII);
        assertThat(ScramKdf.PBKDF2.saltedPassword("pässwörd".getBytes(StandardCharsets.UTF_8), salt, 1000, 0))
                .isEqualTo(ScramTestClient.pbkdf2("pässwörd".getBytes(StandardCharsets.UTF_8), salt, 1000));
    }

    @Test
    void aPasswordFormPrincipalHasArgon2idUnderBothNamesWithOneSalt() {
        ScramPrincipal principal = ScramPrincipal.fromPassword("user", "secret", ScramParameters.argon2id(1, 64));

        ScramCredential spec = principal.credentialFor(ScramDialect.WAMP_SCRAM);
        ScramCredential autobahn = principal.credentialFor(ScramDialect.SCRAM);
        assertThat(spec.parameters().kdf()).isEqualTo(ScramKdf.ARGON2ID13);
        assertThat(autobahn.parameters().kdf()).isEqualTo(ScramKdf.ARGON2ID_13);
        assertThat(autobahn.salt()).isEqualTo(spec.salt()).hasSize(ScramCredential.SALT_LENGTH);
        assertThat(autobahn.storedKey()).isNotEqualTo(spec.storedKey());
        assertThat(principal.toString()).doesNotContain(Base64.getEncoder().encodeToString(spec.storedKey()));
    }

    @Test
    void saslprepMapsSpacesDropsInvisiblesNormalizesAndRefusesControls() {
        assertThat(Saslprep.prepare("user")).isEqualTo("user");
        assertThat(Saslprep.prepare("I\u00ADX")).isEqualTo("IX");
        assertThat(Saslprep.prepare("a\u00A0b")).isEqualTo("a b");
        assertThat(Saslprep.prepare("\u00AA")).isEqualTo("a");
        assertThat(Saslprep.prepare("\u2168")).isEqualTo("IX");
        assertThatIllegalArgumentException().isThrownBy(() -> Saslprep.prepare("a\u0007b"))
                .withMessageContaining("U+7");
        assertThatIllegalArgumentException().isThrownBy(() -> Saslprep.prepare("\uE000"));
    }

    @Test
    void parametersAndCredentialsRefuseWhatNoClientCouldUse() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScramParameters.argon2id(0, 64));
        assertThatIllegalArgumentException().isThrownBy(() -> ScramParameters.argon2id(1, 7));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScramParameters(ScramKdf.PBKDF2, 1000, 64));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScramCredential(ScramParameters.pbkdf2(1),
                new byte[7], new byte[32], new byte[32]));
        assertThatIllegalArgumentException().isThrownBy(() -> new ScramCredential(ScramParameters.pbkdf2(1),
                new byte[16], new byte[31], new byte[32]));
        assertThatIllegalArgumentException().isThrownBy(() -> ScramCredential.derive("", ScramParameters.pbkdf2(1)));
        assertThat(ScramKdf.byName("argon2id-13")).isEqualTo(ScramKdf.ARGON2ID_13);
        assertThat(ScramKdf.byName("ARGON2ID13")).isNull();
    }
}
