package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.message.Result;
import io.wampspring.router.message.Welcome;
import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.WampResult;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caller identification reaching annotated methods: {@code discloseCaller = true} discloses every caller, otherwise
 * only callers that ask ({@code disclose_me}) are disclosed, and {@link io.wampspring.spring.binding.WampCaller}
 * parameters are null (or empty) for the others.
 */
class AdvancedRpcCallerIdentificationIntegrationTests extends AbstractWampIntegrationTests {

    private static final String DISCLOSED = "com.test.caller.disclosed";
    private static final String ON_REQUEST = "com.test.caller.on_request";

    @Autowired
    WampTemplate template;

    /** The caller as the endpoints describe it: session id, authid and authrole of the WELCOME. */
    private static List<Object> expected(Welcome welcome) {
        return List.of(welcome.session(), welcome.details().get("authid"), welcome.details().get("authrole"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> seen(Result result) {
        assertThat(result.payload().args()).hasSize(1);
        return (Map<String, Object>) result.payload().args().get(0);
    }

    @AllSerializers
    void discloseCallerGivesTheRemoteCallersSessionAuthidAndAuthrole(String serializer) {
        TestWampClient client = connect(serializer);
        Welcome welcome = client.hello("realm1", TestWampClient.advancedHelloDetails());
        List<Object> caller = expected(welcome);
        assertThat(caller.get(1)).isEqualTo("anonymous-" + welcome.session());
        assertThat(caller.get(2)).isEqualTo("anonymous");

        Map<String, Object> seen = seen(client.callForResult(DISCLOSED, null, null));
        assertThat(seen).containsEntry("parameter", caller).containsEntry("optional", caller)
                .containsEntry("context", caller);
    }

    @AllSerializers
    void aCallerThatDoesNotAskIsNotDisclosed(String serializer) {
        TestWampClient client = join(serializer);
        Map<String, Object> seen = seen(client.callForResult(ON_REQUEST, null, null));
        assertThat(seen).containsEntry("parameter", "none").containsEntry("optional", "none")
                .containsEntry("context", "none");
        // disclose_me: false is the same as not asking
        seen = seen((Result) client.callWith(Map.of("disclose_me", false), ON_REQUEST, null, null).awaitReply());
        assertThat(seen).containsEntry("parameter", "none");
    }

    @AllSerializers
    void discloseMeFromTheCallerDisclosesIt(String serializer) {
        TestWampClient client = connect(serializer);
        Welcome welcome = client.hello("realm1", TestWampClient.advancedHelloDetails());
        Map<String, Object> seen = seen((Result) client.callWith(Map.of("disclose_me", true), ON_REQUEST, null,
                null).awaitReply());
        List<Object> caller = expected(welcome);
        assertThat(seen).containsEntry("parameter", caller).containsEntry("optional", caller)
                .containsEntry("context", caller);
    }

    @AllSerializers
    void eachCallerIsDisclosedAsItself(String serializer) {
        TestWampClient first = connect(serializer);
        TestWampClient second = connect(serializer);
        Welcome one = first.hello("realm1", TestWampClient.helloDetails());
        Welcome two = second.hello("realm1", TestWampClient.helloDetails());
        assertThat(one.session()).isNotEqualTo(two.session());
        assertThat(seen(second.callForResult(DISCLOSED, null, null))).containsEntry("parameter", expected(two));
        assertThat(seen(first.callForResult(DISCLOSED, null, null))).containsEntry("parameter", expected(one));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theTemplateIsDisclosedAsTheApplicationsLocalIdentity() throws Exception {
        List<Object> spring = List.of(template.sessionId(), "spring", "trusted");
        WampResult disclosed = template.call(DISCLOSED, List.of(), null, CallOptions.DEFAULTS)
                .get(20, TimeUnit.SECONDS);
        assertThat(disclosed.args()).hasSize(1);
        assertThat((Map<String, Object>) disclosed.args().get(0)).containsEntry("parameter", spring);

        WampResult asked = template.call(ON_REQUEST, List.of(), null, CallOptions.DEFAULTS.withDiscloseMe())
                .get(20, TimeUnit.SECONDS);
        assertThat((Map<String, Object>) asked.args().get(0)).containsEntry("parameter", spring);

        WampResult notAsked = template.call(ON_REQUEST, List.of(), null, CallOptions.DEFAULTS)
                .get(20, TimeUnit.SECONDS);
        assertThat((Map<String, Object>) notAsked.args().get(0)).containsEntry("parameter", "none");
    }
}
