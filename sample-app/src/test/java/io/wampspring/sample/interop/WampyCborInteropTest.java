package io.wampspring.sample.interop;

/** wampy 8 (npm wampy, on the ws package) with cbor, against autobahn-java with json, the annotated beans and WampTemplate. */
class WampyCborInteropTest extends AbstractCrossClientInteropTest {

    @Override
    String library() {
        return "wampy";
    }

    @Override
    String serializer() {
        return "cbor";
    }

    @Override
    String javaSerializer() {
        return "json";
    }
}
