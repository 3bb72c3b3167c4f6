package io.wampspring.sample.interop;

/** The advanced RPC profile with autobahn-js 26 with json. */
class AutobahnJsJsonAdvancedRpcInteropTest extends AbstractAutobahnJsAdvancedRpcInteropTest {

    @Override
    String serializer() {
        return "json";
    }
}
