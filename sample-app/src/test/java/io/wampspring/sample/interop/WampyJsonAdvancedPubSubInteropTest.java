package io.wampspring.sample.interop;

/** The advanced PubSub profile with wampy 8 with json. */
class WampyJsonAdvancedPubSubInteropTest extends AbstractWampyAdvancedPubSubInteropTest {

    @Override
    String serializer() {
        return "json";
    }
}
