package io.wampspring.sample.interop;

/** The session meta API and testaments with autobahn-js 26 with json. */
class AutobahnJsJsonSessionMetaInteropTest extends AbstractAutobahnJsSessionMetaInteropTest {

    @Override
    String serializer() {
        return "json";
    }
}
