package io.wampspring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.auth.AuthDecision;
import io.wampspring.router.auth.AuthRequest;
import io.wampspring.router.auth.Authenticator;
import io.wampspring.router.message.Authenticate;
import io.wampspring.router.transport.TransportInfo;
import io.wampspring.spring.security.PasswordEncoderSecretMatcher;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * A hashed ticket costs a password hash per check: the realm's ticket method checks it on the task executor, not on
 * the thread that delivered the AUTHENTICATE (the transport's, serving other sessions); a plain ticket stays where it
 * is, since checking it costs nothing.
 */
class HashedTicketThreadTests {

    /** The threads the "task executor" ran checks on. */
    private final Set<String> checkThreads = ConcurrentHashMap.newKeySet();
    private final Executor taskExecutor = command -> {
        Thread thread = new Thread(() -> {
            checkThreads.add(Thread.currentThread().getName());
            command.run();
        }, "test-task-executor");
        thread.start();
    };

    @Test
    void aHashedTicketIsCheckedOnTheTaskExecutor() throws Exception {
        String hashed = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("alice-ticket");

        AuthDecision right = authenticate(ticketMethod(hashed), "alice-ticket");
        AuthDecision wrong = authenticate(ticketMethod(hashed), "not-alices");

        assertThat(right).isInstanceOf(AuthDecision.Accept.class);
        assertThat(((AuthDecision.Accept) right).identity().authrole()).isEqualTo("user");
        assertThat(wrong).isInstanceOf(AuthDecision.Reject.class);
        assertThat(checkThreads).containsExactly("test-task-executor");
    }

    @Test
    void aPlainTicketIsCheckedWhereItCameIn() throws Exception {
        AuthDecision right = authenticate(ticketMethod("alice-ticket"), "alice-ticket");

        assertThat(right).isInstanceOf(AuthDecision.Accept.class);
        assertThat(checkThreads).isEmpty();
    }

    private Authenticator ticketMethod(String storedTicket) {
        WampRealmProperties realm = new WampRealmProperties();
        realm.setName("secure");
        realm.setAuthMethods(List.of("ticket"));
        WampPrincipalProperties alice = new WampPrincipalProperties();
        alice.setRole("user");
        alice.setTicket(storedTicket);
        realm.getPrincipals().put("alice", alice);
        return RealmCredentials.ticket(realm, 0, new RealmAuthenticators.Sources(ApplicationAuthenticators.NONE, null,
                () -> null, new PasswordEncoderSecretMatcher(), null, taskExecutor));
    }

    private static AuthDecision authenticate(Authenticator ticket, String answer) throws Exception {
        AuthRequest request = new AuthRequest(1, "secure", "alice", Map.of("authid", "alice"),
                TransportInfo.local());
        AuthDecision challenge = ticket.authenticate(request).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(challenge).isInstanceOf(AuthDecision.Challenge.class);
        CompletableFuture<AuthDecision> decision = ((AuthDecision.Challenge) challenge).responder()
                .respond(new Authenticate(answer, Map.of())).toCompletableFuture();
        return decision.get(5, TimeUnit.SECONDS);
    }
}
