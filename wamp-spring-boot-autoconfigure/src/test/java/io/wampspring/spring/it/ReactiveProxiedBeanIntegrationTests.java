package io.wampspring.spring.it;

/** {@link ProxiedBeanIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveProxiedBeanIntegrationTests extends ProxiedBeanIntegrationTests {
}
