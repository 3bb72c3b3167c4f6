package io.wampspring.spring.it;

/** {@link AuthorizationIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAuthorizationIntegrationTests extends AuthorizationIntegrationTests {
}
