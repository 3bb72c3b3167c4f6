package io.wampspring.spring.it;

/** {@link ScramAuthenticationIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveScramAuthenticationIntegrationTests extends ScramAuthenticationIntegrationTests {
}
