package io.wampspring.sample.interop;

/** The advanced RPC profile with wampy 8 with json. */
class WampyJsonAdvancedRpcInteropTest extends AbstractWampyAdvancedRpcInteropTest {

    @Override
    String serializer() {
        return "json";
    }
}
