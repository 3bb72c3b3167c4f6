package io.wampspring.autoconfigure;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wampspring.router.auth.CryptosignAuthenticator;
import io.wampspring.router.auth.TicketAuthenticator;
import io.wampspring.router.auth.WampCraAuthenticator;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * Checks the credentials of a realm's principals against the methods the realm offers ({@code ticket},
 * {@code wampcra}, {@code cryptosign}): a method nobody has a credential for, a principal without a role, a hashed
 * secret that cannot work, a public key that is not one. Part of {@link WampPropertiesValidation}.
 */
final class RealmCredentialsValidation {

    /** A stored secret in Spring Security's {@code {id}encoded} form. */
    private static final Pattern ENCODED = Pattern.compile("^\\{([^{}]+)}");

    private RealmCredentialsValidation() {
    }

    static void validate(WampRealmProperties realm, String field, Errors errors) {
        Map<String, WampPrincipalProperties> principals = realm.getPrincipals() != null ? realm.getPrincipals()
                : Map.of();
        List<String> methods = realm.getAuthMethods() != null ? realm.getAuthMethods() : List.of();
        String principalsField = "wamp." + field + ".principals.<authid>";
        if (methods.contains(TicketAuthenticator.METHOD) && !realm.getTicket().isAuthenticationManager()
                && none(principals, principal -> principal.getTicket() != null)) {
            errors.rejectValue(field + ".auth-methods", "wamp.noCredential", "offers ticket, but no principal has a "
                    + "ticket: set " + principalsField + ".ticket, or wamp." + field
                    + ".ticket.authentication-manager=true");
        }
        if (methods.contains(WampCraAuthenticator.METHOD)
                && none(principals, principal -> principal.getWampcra().isConfigured())) {
            errors.rejectValue(field + ".auth-methods", "wamp.noCredential", "offers wampcra, but no principal has a "
                    + "WAMP-CRA secret: set " + principalsField + ".wampcra.secret (or .wampcra.derived-key with "
                    + ".wampcra.salt)");
        }
        if (methods.contains(CryptosignAuthenticator.METHOD)
                && none(principals, principal -> !principal.getCryptosign().getPublicKeys().isEmpty())) {
            errors.rejectValue(field + ".auth-methods", "wamp.noCredential", "offers cryptosign, but no principal has "
                    + "a public key: set " + principalsField + ".cryptosign.public-keys");
        }
        Map<String, String> keyOwners = new HashMap<>();
        principals.forEach((authid, principal) -> {
            String prefix = field + ".principals." + authid;
            boolean hasCredential = principal.getTicket() != null || principal.getWampcra().isConfigured()
                    || !principal.getCryptosign().getPublicKeys().isEmpty() || principal.getScram() != null;
            if (hasCredential && (principal.getRole() == null || principal.getRole().isBlank())) {
                errors.rejectValue(prefix + ".role", "wamp.blank",
                        "must not be blank: it is the authrole of principal '" + authid + "'");
            }
            validateWampcra(principal.getWampcra(), prefix + ".wampcra", errors);
            List<String> keys = principal.getCryptosign().getPublicKeys();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                String keyField = prefix + ".cryptosign.public-keys[" + i + "]";
                if (key == null || !key.matches("[0-9a-fA-F]{64}")) {
                    errors.rejectValue(keyField, "wamp.publicKey",
                            "is not an Ed25519 public key: 32 bytes in hex (64 hex digits)");
                    continue;
                }
                String owner = keyOwners.putIfAbsent(key.toLowerCase(Locale.ROOT), authid);
                if (owner != null && !owner.equals(authid)) {
                    errors.rejectValue(keyField, "wamp.duplicate",
                            "is also a public key of principal '" + owner + "': a key identifies one principal");
                }
            }
        });
    }

    private static void validateWampcra(WampPrincipalProperties.Wampcra wampcra, String field, Errors errors) {
        if (!wampcra.isConfigured()) {
            return;
        }
        if (wampcra.getSecret() != null && wampcra.getDerivedKey() != null) {
            errors.rejectValue(field + ".derived-key", "wamp.exclusive",
                    "must not be set together with " + field + ".secret: give the password or the key derived from it");
        }
        if (wampcra.getDerivedKey() != null && wampcra.getSalt() == null) {
            errors.rejectValue(field + ".salt", "wamp.required", "must be set with derived-key: the client derives "
                    + "its key with the salt the CHALLENGE sends");
        }
        String encoding = encoding(wampcra.getSecret());
        if (encoding != null && !encoding.equals("noop")) {
            errors.rejectValue(field + ".secret", "wamp.hashed", "is hashed ({" + encoding + "}), but WAMP-CRA "
                    + "computes an HMAC with the secret itself, so a hashed secret cannot work: give it as plain text "
                    + "(a ${...} placeholder keeps it out of the file), or salt it and give only derived-key");
        }
        if (wampcra.getSalt() != null) {
            if (wampcra.getIterations() < 1) {
                errors.rejectValue(field + ".iterations", "wamp.positive", "must be at least 1");
            }
            if (wampcra.getKeylen() < 1) {
                errors.rejectValue(field + ".keylen", "wamp.positive", "must be at least 1");
            }
        }
    }

    /** The id of an {@code {id}encoded} secret, or null when it is given as is. */
    static @Nullable String encoding(@Nullable String secret) {
        if (secret == null) {
            return null;
        }
        Matcher matcher = ENCODED.matcher(secret);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static boolean none(Map<String, WampPrincipalProperties> principals,
            Predicate<WampPrincipalProperties> has) {
        return principals.values().stream().noneMatch(has);
    }
}
