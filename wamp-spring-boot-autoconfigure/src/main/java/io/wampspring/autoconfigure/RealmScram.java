package io.wampspring.autoconfigure;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.wampspring.router.auth.ScramAuthenticator;
import io.wampspring.router.auth.ScramCredential;
import io.wampspring.router.auth.ScramCredentialLookup;
import io.wampspring.router.auth.ScramDialect;
import io.wampspring.router.auth.ScramKdf;
import io.wampspring.router.auth.ScramParameters;
import io.wampspring.router.auth.ScramPrincipal;
import io.wampspring.spring.core.WampConfigurationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.validation.Errors;

/**
 * WAMP-SCRAM of one realm from its properties: the principals' {@code scram} blocks checked when the properties are
 * bound, and the realm's {@link ScramAuthenticator} built from them (deriving the keys of password-form principals).
 */
final class RealmScram {

    private static final Logger logger = LoggerFactory.getLogger(RealmScram.class);

    private static final String KDF_NAMES = "argon2id13, argon2id-13 or pbkdf2";

    private RealmScram() {
    }

    /** Checks the scram block of each principal of the realm at {@code field} ({@code realms[n]}). */
    static void validate(WampRealmProperties realm, String field, Errors errors) {
        if (realm.getPrincipals() == null) {
            return;
        }
        realm.getPrincipals().forEach((authid, principal) -> {
            WampScramProperties scram = principal == null ? null : principal.getScram();
            if (scram != null) {
                validate(scram, principal.getRole(), field + ".principals." + authid, errors);
            }
        });
    }

    private static void validate(WampScramProperties scram, @Nullable String role, String principal, Errors errors) {
        String field = principal + ".scram.";
        ScramKdf kdf = ScramKdf.byName(scram.getKdf());
        if (kdf == null) {
            errors.rejectValue(field + "kdf", "wamp.scram.kdf", "must be " + KDF_NAMES);
        }
        boolean derived = scram.getSalt() != null || scram.getStoredKey() != null || scram.getServerKey() != null;
        if (scram.getPassword() != null) {
            if (scram.getPassword().isEmpty()) {
                errors.rejectValue(field + "password", "wamp.blank", "must not be empty");
            }
            if (derived) {
                errors.rejectValue(field + "password", "wamp.scram.both",
                        "give either a password or the derived salt, stored-key and server-key, not both");
            }
        }
        else {
            bytes(errors, field + "salt", scram.getSalt(), ScramCredential.MIN_SALT_LENGTH, false);
            bytes(errors, field + "stored-key", scram.getStoredKey(), 32, true);
            bytes(errors, field + "server-key", scram.getServerKey(), 32, true);
            if (scram.getIterations() == null) {
                errors.rejectValue(field + "iterations", "wamp.scram.required",
                        "is required with derived values: the iterations they were derived with");
            }
            if (kdf != null && kdf.usesMemory() && scram.getMemory() == null) {
                errors.rejectValue(field + "memory", "wamp.scram.required",
                        "is required with derived Argon2id values: the memory (KiB) they were derived with");
            }
        }
        if (scram.getIterations() != null && scram.getIterations() < 1) {
            errors.rejectValue(field + "iterations", "wamp.positive", "must be at least 1");
        }
        if (kdf != null && scram.getMemory() != null) {
            if (!kdf.usesMemory()) {
                errors.rejectValue(field + "memory", "wamp.scram.memory", "applies to Argon2id only, not pbkdf2");
            }
            else if (scram.getMemory() < ScramParameters.MIN_ARGON2_MEMORY) {
                errors.rejectValue(field + "memory", "wamp.positive",
                        "must be at least " + ScramParameters.MIN_ARGON2_MEMORY + " (KiB)");
            }
        }
    }

    /** A required base64 value of {@code length} bytes ({@code exact}) or at least that many. */
    private static void bytes(Errors errors, String field, @Nullable String value, int length, boolean exact) {
        if (value == null) {
            errors.rejectValue(field, "wamp.scram.required",
                    "is required without a password (wamp-scram derived form; see WampScramCredentials)");
            return;
        }
        byte[] bytes = decode(value);
        if (bytes == null) {
            errors.rejectValue(field, "wamp.scram.base64", "is not base64");
        }
        else if (exact ? bytes.length != length : bytes.length < length) {
            errors.rejectValue(field, "wamp.scram.length", "must be base64 of " + (exact ? "" : "at least ")
                    + length + " bytes, not " + bytes.length);
        }
    }

    /**
     * The realm's authenticator under the spec's name, {@code wamp-scram} ({@link ScramAuthenticator#underOtherName()}
     * gives the one for {@code scram}); fails when no principal of the realm has a scram credential.
     */
    static ScramAuthenticator authenticator(WampRealmProperties realm, int index, int position) {
        Map<String, ScramPrincipal> principals = new LinkedHashMap<>();
        ScramParameters decoy = null;
        int fromPasswords = 0;
        for (Map.Entry<String, WampPrincipalProperties> entry : realm.getPrincipals().entrySet()) {
            WampScramProperties scram = entry.getValue().getScram();
            if (scram == null) {
                continue;
            }
            String property = "wamp.realms[" + index + "].principals[" + entry.getKey() + "].scram";
            ScramPrincipal principal = principal(scram, entry.getValue().getRole(), property);
            principals.put(entry.getKey(), principal);
            if (decoy == null) {
                // unknown authids are challenged like the first principal, as a plausible user would be
                decoy = principal.credentials().get(0).parameters();
            }
            fromPasswords += scram.getPassword() != null ? 1 : 0;
        }
        if (principals.isEmpty()) {
            String methods = "wamp.realms[" + index + "].auth-methods";
            throw new WampConfigurationException(methods + "[" + position + "] is '"
                    + realm.getAuthMethods().get(position) + "', but no principal of realm '" + realm.getName()
                    + "' has a scram credential, so nobody could authenticate with it",
                    "Give a principal a credential (wamp.realms[" + index + "].principals.<authid>.scram.password, or "
                            + "the derived values WampScramCredentials prints), or remove the method from "
                            + methods + ".");
        }
        if (fromPasswords > 0) {
            logger.info("Derived the WAMP-SCRAM keys of {} principal(s) of realm '{}' from passwords in the "
                    + "configuration; store derived values instead (WampScramCredentials) to keep passwords out of it",
                    fromPasswords, realm.getName());
        }
        return new ScramAuthenticator(ScramDialect.WAMP_SCRAM, ScramCredentialLookup.of(principals), decoy);
    }

    private static ScramPrincipal principal(WampScramProperties scram, @Nullable String role, String property) {
        ScramKdf kdf = ScramKdf.byName(scram.getKdf());
        try {
            if (scram.getPassword() != null) {
                return ScramPrincipal.fromPassword(role, scram.getPassword(), passwordParameters(kdf, scram));
            }
            ScramParameters parameters = new ScramParameters(kdf, scram.getIterations(),
                    kdf.usesMemory() ? scram.getMemory() : 0);
            return new ScramPrincipal(role, new ScramCredential(parameters, decode(scram.getSalt()),
                    decode(scram.getStoredKey()), decode(scram.getServerKey())));
        }
        catch (IllegalArgumentException | NullPointerException ex) {
            // binding validated the values: what is left is a password SASLprep refuses, or a value set after binding
            throw new WampConfigurationException(property + " cannot be used: " + ex.getMessage(),
                    "Fix " + property + " (see the README's WAMP-SCRAM section).", ex);
        }
    }

    /** The costs of the password form: those configured, else the defaults of the function. */
    static ScramParameters passwordParameters(ScramKdf kdf, WampScramProperties scram) {
        if (kdf.usesMemory()) {
            return new ScramParameters(kdf,
                    orDefault(scram.getIterations(), WampScramProperties.DEFAULT_ARGON2_ITERATIONS),
                    orDefault(scram.getMemory(), WampScramProperties.DEFAULT_ARGON2_MEMORY));
        }
        return new ScramParameters(kdf,
                orDefault(scram.getIterations(), WampScramProperties.DEFAULT_PBKDF2_ITERATIONS), 0);
    }

    private static int orDefault(@Nullable Integer value, int fallback) {
        return value != null ? value : fallback;
    }

    private static byte @Nullable [] decode(@Nullable String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
