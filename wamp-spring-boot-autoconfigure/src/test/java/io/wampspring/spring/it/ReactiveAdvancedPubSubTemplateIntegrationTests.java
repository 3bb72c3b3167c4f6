package io.wampspring.spring.it;

/** {@link AdvancedPubSubTemplateIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAdvancedPubSubTemplateIntegrationTests extends AdvancedPubSubTemplateIntegrationTests {
}
