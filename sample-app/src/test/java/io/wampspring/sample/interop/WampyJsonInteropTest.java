package io.wampspring.sample.interop;

/** wampy 8 (npm wampy, on the ws package) with json, against autobahn-java with msgpack, the annotated beans and WampTemplate. */
class WampyJsonInteropTest extends AbstractCrossClientInteropTest {

    @Override
    String library() {
        return "wampy";
    }

    @Override
    String serializer() {
        return "json";
    }

    @Override
    String javaSerializer() {
        return "msgpack";
    }
}
