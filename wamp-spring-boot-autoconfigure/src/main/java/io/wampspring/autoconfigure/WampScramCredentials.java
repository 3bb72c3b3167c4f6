package io.wampspring.autoconfigure;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.wampspring.router.auth.ScramCredential;
import io.wampspring.router.auth.ScramKdf;
import io.wampspring.router.auth.ScramParameters;

/**
 * Prints the derived WAMP-SCRAM credential of a password as the properties of a principal, so that the configuration
 * holds no password. The password is read from the console without echo, or from the first line of standard input;
 * never from the command line, where shell history and process lists would keep it.
 *
 * <pre>
 * java -cp app.jar -Dloader.main=io.wampspring.autoconfigure.WampScramCredentials \
 *     org.springframework.boot.loader.launch.PropertiesLauncher --authid dave --role user [--kdf pbkdf2]
 * </pre>
 *
 * Options: {@code --authid} (default {@code user}), {@code --role} (default {@code user}), {@code --kdf}
 * ({@code argon2id13}, {@code argon2id-13} for autobahn-python clients, {@code pbkdf2}; default {@code argon2id13}),
 * {@code --iterations} and {@code --memory} (KiB) with the password form's defaults.
 */
public final class WampScramCredentials {

    private WampScramCredentials() {
    }

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        }
        catch (IllegalArgumentException ex) {
            System.err.println(ex.getMessage());
            System.err.println("usage: WampScramCredentials [--authid ID] [--role ROLE] "
                    + "[--kdf argon2id13|argon2id-13|pbkdf2] [--iterations N] [--memory KiB]  (password on stdin)");
            System.exit(2);
            return;
        }
        String password = readPassword();
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            System.exit(2);
            return;
        }
        print(options, ScramCredential.derive(password, options.parameters()), System.out);
    }

    private static String readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password: ");
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    /** Writes the principal's properties, indented for {@code wamp.realms[n].principals}. */
    static void print(Options options, ScramCredential credential, PrintStream out) {
        Base64.Encoder base64 = Base64.getEncoder();
        ScramParameters parameters = credential.parameters();
        out.println("# under wamp.realms[n].principals:");
        // a map key with anything but lower-case letters, digits and '-' keeps its form only in brackets
        String key = options.authid().matches("[a-z0-9-]+") ? options.authid() : "\"[" + options.authid() + "]\"";
        out.println(key + ":");
        out.println("  role: " + options.role());
        out.println("  scram:");
        out.println("    kdf: " + parameters.kdf().wireName());
        out.println("    iterations: " + parameters.iterations());
        if (parameters.kdf().usesMemory()) {
            out.println("    memory: " + parameters.memory());
        }
        out.println("    salt: " + base64.encodeToString(credential.salt()));
        out.println("    stored-key: " + base64.encodeToString(credential.storedKey()));
        out.println("    server-key: " + base64.encodeToString(credential.serverKey()));
    }

    /** The command line: who the credential is for and how it is derived. */
    record Options(String authid, String role, ScramParameters parameters) {

        static Options parse(String[] args) {
            String authid = "user";
            String role = "user";
            String kdfName = "argon2id13";
            Integer iterations = null;
            Integer memory = null;
            List<String> list = List.of(args);
            for (int i = 0; i < list.size(); i += 2) {
                if (i + 1 >= list.size()) {
                    throw new IllegalArgumentException(list.get(i) + " needs a value");
                }
                String value = list.get(i + 1);
                switch (list.get(i)) {
                    case "--authid" -> authid = value;
                    case "--role" -> role = value;
                    case "--kdf" -> kdfName = value;
                    case "--iterations" -> iterations = Integer.valueOf(value);
                    case "--memory" -> memory = Integer.valueOf(value);
                    default -> throw new IllegalArgumentException("unknown option " + list.get(i));
                }
            }
            ScramKdf kdf = ScramKdf.byName(kdfName);
            if (kdf == null) {
                throw new IllegalArgumentException("--kdf must be argon2id13, argon2id-13 or pbkdf2");
            }
            WampScramProperties costs = new WampScramProperties();
            costs.setIterations(iterations);
            costs.setMemory(kdf.usesMemory() ? memory : null);
            return new Options(authid, role, RealmScram.passwordParameters(kdf, costs));
        }
    }
}
