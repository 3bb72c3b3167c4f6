package io.wampspring.sample.interop;

/** The advanced PubSub profile with autobahn-js 26 with json. */
class AutobahnJsJsonAdvancedPubSubInteropTest extends AbstractAutobahnJsAdvancedPubSubInteropTest {

    @Override
    String serializer() {
        return "json";
    }
}
