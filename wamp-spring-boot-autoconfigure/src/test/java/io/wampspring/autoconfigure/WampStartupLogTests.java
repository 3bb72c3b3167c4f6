package io.wampspring.autoconfigure;

import io.wampspring.router.RealmConfig;
import io.wampspring.router.RouterConfig;
import io.wampspring.router.WampRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The one INFO line that says where the router is served, with which serializers, and which realms it has. */
@ExtendWith(OutputCaptureExtension.class)
class WampStartupLogTests {

    private static final AutoConfigurations WAMP = AutoConfigurations.of(WampAutoConfiguration.class,
            WampWebSocketAutoConfiguration.class, WampReactiveWebSocketAutoConfiguration.class);

    @Test
    void namesThePathTheSerializersAndTheRealms(CapturedOutput output) {
        new WebApplicationContextRunner().withConfiguration(WAMP)
                .withPropertyValues("wamp.path=/wamp", "wamp.serializers=cbor,json", "wamp.realms[0].name=realm1",
                        "wamp.realms[1].name=com.example.internal")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(lines(output)).containsExactly("WAMP router on WebSocket /wamp (cbor, json); realms "
                            + "[realm1, com.example.internal]");
                    assertThat(output.getOut()).containsPattern("INFO .*WampStartupLog.*WAMP router on WebSocket");
                });
    }

    @Test
    void defaults(CapturedOutput output) {
        new WebApplicationContextRunner().withConfiguration(WAMP).run(context -> assertThat(lines(output))
                .containsExactly("WAMP router on WebSocket /ws (json, msgpack, cbor); realms [realm1]"));
    }

    @Test
    void namesReactorNettyInAReactiveApplication(CapturedOutput output) {
        new ReactiveWebApplicationContextRunner().withConfiguration(WAMP).withPropertyValues("wamp.serializers=msgpack")
                .run(context -> assertThat(lines(output))
                        .containsExactly("WAMP router on WebSocket /ws on Reactor Netty (msgpack); realms [realm1]"));
    }

    @Test
    void withoutATransportSaysSo(CapturedOutput output) {
        new ApplicationContextRunner().withConfiguration(WAMP).run(context -> assertThat(lines(output))
                .containsExactly("WAMP router in-process only (no transport: not a web application); "
                        + "realms [realm1]"));
    }

    @Test
    void namesTheRealmsOfAnApplicationsRouter(CapturedOutput output) {
        new ApplicationContextRunner().withConfiguration(WAMP)
                .withBean(WampRouter.class, () -> new WampRouter(RouterConfig.defaults(),
                        java.util.List.of(RealmConfig.anonymous("realm1"), RealmConfig.anonymous("user.realm"))))
                .run(context -> assertThat(lines(output)).singleElement().asString()
                        .endsWith("realms [realm1, user.realm]"));
    }

    /** The start-up lines written, without the log pattern's prefix. */
    private static java.util.List<String> lines(CapturedOutput output) {
        return output.getOut().lines().filter(line -> line.contains("WAMP router "))
                .map(line -> line.substring(line.indexOf("WAMP router "))).toList();
    }
}
