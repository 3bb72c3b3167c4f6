package io.wampspring.spring.it;

/** {@link AdvancedRpcTemplateIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveAdvancedRpcTemplateIntegrationTests extends AdvancedRpcTemplateIntegrationTests {
}
