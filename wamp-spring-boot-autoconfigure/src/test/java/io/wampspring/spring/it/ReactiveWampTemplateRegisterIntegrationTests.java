package io.wampspring.spring.it;

/** {@link WampTemplateRegisterIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveWampTemplateRegisterIntegrationTests extends WampTemplateRegisterIntegrationTests {
}
