package io.wampspring.router.auth;

import java.util.concurrent.CompletionStage;

/**
 * One authentication method of a realm, such as {@code anonymous} or {@code ticket}. Implementations are
 * thread-safe. The returned stage may complete on any thread; slow checks (a database, an identity provider) should
 * run asynchronously rather than on the transport thread that delivered HELLO.
 */
public interface Authenticator {

    /** The method name as clients put it in HELLO.Details.authmethods. */
    String authMethod();

    CompletionStage<AuthDecision> authenticate(AuthRequest request);
}
