package io.wampspring.spring.it;

/** {@link ShutdownIntegrationTests} on the reactive transport (Reactor Netty). */
class ReactiveShutdownIntegrationTests extends ShutdownIntegrationTests {

    @Override
    String webApplicationType() {
        return "reactive";
    }
}
