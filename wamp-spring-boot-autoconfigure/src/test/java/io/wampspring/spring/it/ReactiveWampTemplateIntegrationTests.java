package io.wampspring.spring.it;

/** {@link WampTemplateIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampTemplateIntegrationTests extends WampTemplateIntegrationTests {
}
