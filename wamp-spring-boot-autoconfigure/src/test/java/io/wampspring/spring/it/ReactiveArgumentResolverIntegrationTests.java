package io.wampspring.spring.it;

/** {@link ArgumentResolverIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveArgumentResolverIntegrationTests extends ArgumentResolverIntegrationTests {
}
