package io.wampspring.sample.interop;

/** The advanced RPC profile with wampy 8 with cbor. */
class WampyCborAdvancedRpcInteropTest extends AbstractWampyAdvancedRpcInteropTest {

    @Override
    String serializer() {
        return "cbor";
    }
}
