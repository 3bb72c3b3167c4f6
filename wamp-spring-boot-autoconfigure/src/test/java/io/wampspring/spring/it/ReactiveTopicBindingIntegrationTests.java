package io.wampspring.spring.it;

/** {@link TopicBindingIntegrationTests} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveTopicBindingIntegrationTests extends TopicBindingIntegrationTests {
}
