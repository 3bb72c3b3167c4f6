package io.wampspring.spring.it;

/** {@link AuthenticationIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAuthenticationIntegrationTests extends AuthenticationIntegrationTests {
}
