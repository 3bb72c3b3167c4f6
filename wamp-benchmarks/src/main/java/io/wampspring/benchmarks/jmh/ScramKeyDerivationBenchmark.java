package io.wampspring.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The key derivation a WAMP-SCRAM client runs at every login, with the Spring side's default costs (Argon2id 2
 * iterations and 19,456 KiB, PBKDF2-HMAC-SHA-256 600,000 iterations): what makes a stolen StoredKey slow to
 * brute-force. The router runs it only when a principal configured with a password is built (at startup, twice for
 * Argon2id: once per name of it), never per login; {@link AuthenticationBenchmark} measures its per-login side.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2) // slow to settle: the JIT reaches the field arithmetic late
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ScramKeyDerivationBenchmark {

    @Param({"argon2id", "pbkdf2"})
    String kdf;

    private final byte[] password = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);
    private final byte[] salt = ClientMath.random(16);

    @Benchmark
    public byte[] derive() throws Exception {
        return kdf.equals("argon2id")
                ? ClientMath.argon2id(password, salt, AuthenticationBenchmark.ARGON2_ITERATIONS,
                        AuthenticationBenchmark.ARGON2_MEMORY_KIB)
                : ClientMath.pbkdf2(password, salt, AuthenticationBenchmark.PBKDF2_ITERATIONS);
    }
}
