package io.wampspring.router.auth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.wampspring.router.message.Authenticate;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.jspecify.annotations.Nullable;

/**
 * WAMP-Cryptosign authentication ({@code cryptosign}, Ed25519). The client names its public key in
 * HELLO.Details.authextra.pubkey (hex); the CHALLENGE's extra carries {@code challenge}, 32 random bytes in hex; the
 * AUTHENTICATE's signature is the hex of the 64-byte Ed25519 signature of those bytes, followed (as autobahn sends
 * it) by the 32 challenge bytes themselves. The principal is found from the public key, so HELLO may leave the authid
 * out; if it names one, it must be the key's principal. An unknown key is challenged like a known one and fails at
 * AUTHENTICATE. TLS channel binding is not supported: a client asking for it is refused.
 */
public final class CryptosignAuthenticator implements Authenticator {

    public static final String METHOD = "cryptosign";

    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, KeyOwner> owners = new HashMap<>();
    private final String authprovider;

    /**
     * @param principals each with its public keys; a key may belong to one principal only
     * @param authprovider announced in WELCOME, e.g. {@code static}
     */
    public CryptosignAuthenticator(List<CryptosignPrincipal> principals, String authprovider) {
        this.authprovider = authprovider;
        for (CryptosignPrincipal principal : principals) {
            for (String key : principal.publicKeys()) {
                KeyOwner previous = owners.put(key,
                        new KeyOwner(principal, Ed25519Verifier.publicKey(HEX.parseHex(key))));
                if (previous != null && !previous.principal().authid().equals(principal.authid())) {
                    throw new IllegalArgumentException("cryptosign public key " + key + " belongs to two principals: '"
                            + previous.principal().authid() + "' and '" + principal.authid() + "'");
                }
            }
        }
    }

    @Override
    public String authMethod() {
        return METHOD;
    }

    @Override
    public CompletionStage<AuthDecision> authenticate(AuthRequest request) {
        Map<?, ?> authextra = request.helloDetails().get("authextra") instanceof Map<?, ?> map ? map : Map.of();
        byte[] pubkey = Credentials.hex32(authextra.get("pubkey"));
        if (pubkey == null) {
            return Credentials.failed(
                    "cryptosign needs HELLO.Details.authextra.pubkey: an Ed25519 public key, 32 bytes in hex");
        }
        if (authextra.get("channel_binding") != null) {
            return Credentials.failed("cryptosign channel binding (" + authextra.get("channel_binding")
                    + ") is not supported by this router");
        }
        KeyOwner owner = owners.get(HEX.formatHex(pubkey));
        byte[] challenge = Credentials.randomBytes(32);
        return CompletableFuture.completedFuture(new AuthDecision.Challenge(
                Map.of("challenge", HEX.formatHex(challenge)),
                authenticate -> verify(authenticate, owner, request.authid(), challenge)));
    }

    private CompletionStage<AuthDecision> verify(Authenticate authenticate, @Nullable KeyOwner owner,
            @Nullable String claimedAuthid, byte[] challenge) {
        if (owner == null || claimedAuthid != null && !claimedAuthid.equals(owner.principal().authid())) {
            return Credentials.failed();
        }
        byte[] signed;
        try {
            signed = HEX.parseHex(authenticate.signature());
        }
        catch (IllegalArgumentException ex) {
            return Credentials.failed();
        }
        // 64 bytes of signature, optionally followed by the challenge it signs (which must then be ours)
        boolean wellFormed = signed.length == 64
                || signed.length == 96 && Arrays.equals(signed, 64, 96, challenge, 0, 32);
        if (!wellFormed || !Ed25519Verifier.verify(owner.key(), challenge, Arrays.copyOf(signed, 64))) {
            return Credentials.failed();
        }
        CryptosignPrincipal principal = owner.principal();
        return Credentials.accepted(new AuthIdentity(principal.authid(), principal.authrole(), METHOD, authprovider));
    }

    private record KeyOwner(CryptosignPrincipal principal, @Nullable Ed25519PublicKeyParameters key) {
    }
}
