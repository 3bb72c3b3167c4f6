package io.wampspring.spring.it;

/** {@link WampTemplateSubscribeIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampTemplateSubscribeIntegrationTests extends WampTemplateSubscribeIntegrationTests {
}
