package io.wampspring.benchmarks.jmh;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One Ed25519 verify of a 32-byte cryptosign challenge, with the JDK's provider (what the router's cryptosign
 * verification uses) and with BouncyCastle's (already on the router's classpath for Argon2id), for comparison: the
 * verify is nearly all of a cryptosign handshake's cost on the router (see {@link AuthenticationBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2) // slow to settle: the JIT reaches the field arithmetic late
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class Ed25519VerifyBenchmark {

    @Param({"jdk", "bouncycastle"})
    String provider;

    private final byte[] challenge = ClientMath.random(32);
    private PublicKey jdkKey;
    private Ed25519PublicKeyParameters bcKey;
    private byte[] signature;

    @Setup
    public void setUp() throws GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(challenge);
        signature = signer.sign();
        jdkKey = pair.getPublic();
        byte[] encoded = jdkKey.getEncoded();
        bcKey = new Ed25519PublicKeyParameters(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        if (!verify()) {
            throw new IllegalStateException(provider + " did not verify a correct signature");
        }
    }

    @Benchmark
    public boolean verify() throws GeneralSecurityException {
        if (provider.equals("jdk")) {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jdkKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, bcKey);
        verifier.update(challenge, 0, challenge.length);
        return verifier.verifySignature(signature);
    }
}
