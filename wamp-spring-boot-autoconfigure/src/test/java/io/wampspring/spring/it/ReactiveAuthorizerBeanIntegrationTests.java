package io.wampspring.spring.it;

/** {@link AuthorizerBeanIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAuthorizerBeanIntegrationTests extends AuthorizerBeanIntegrationTests {
}
