package io.wampspring.spring.it;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.wampspring.router.WampUris;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.Invocation;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Welcome;
import io.wampspring.spring.core.CallOptions;
import io.wampspring.spring.core.PublishOptions;
import io.wampspring.spring.core.RegisterOptions;
import io.wampspring.spring.core.WampTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Authorization rules from {@code wamp.realms[n].roles} over a real WebSocket. In realm1 anonymous clients have the
 * role {@code shopper}: call, subscribe and register under {@code com.shop.} (disclosing their calls), never publish;
 * a wildcard and an exact rule next to a denying prefix; no meta API. The application's own role ({@code trusted})
 * has no rules in realm1, so its annotated endpoints and template may do everything there; in the realm
 * {@code guarded} it has rules, and obeys them.
 */
@TestPropertySource(properties = {
        "wamp.realms[0].name=realm1",
        "wamp.realms[0].anonymous-role=shopper",
        "wamp.realms[0].roles.shopper.permissions[0].uri=com.shop.",
        "wamp.realms[0].roles.shopper.permissions[0].match=prefix",
        "wamp.realms[0].roles.shopper.permissions[0].allow=call, subscribe, register",
        "wamp.realms[0].roles.shopper.permissions[0].disclose-caller=true",
        "wamp.realms[0].roles.shopper.permissions[1].uri=com.weather.",
        "wamp.realms[0].roles.shopper.permissions[1].match=prefix",
        "wamp.realms[0].roles.shopper.permissions[2].uri=com.weather..today",
        "wamp.realms[0].roles.shopper.permissions[2].match=wildcard",
        "wamp.realms[0].roles.shopper.permissions[2].allow=call",
        "wamp.realms[0].roles.shopper.permissions[3].uri=com.weather.paris.today",
        "wamp.realms[0].roles.shopper.permissions[3].allow=call",
        "wamp.realms[0].roles.shopper.permissions[4].uri=org.news..headline",
        "wamp.realms[0].roles.shopper.permissions[4].match=wildcard",
        "wamp.realms[0].roles.shopper.permissions[4].allow=call",
        "wamp.realms[1].name=guarded",
        "wamp.realms[1].roles.trusted.permissions[0].uri=com.guarded.",
        "wamp.realms[1].roles.trusted.permissions[0].match=prefix",
        "wamp.realms[1].roles.trusted.permissions[0].allow=call, register"})
class AuthorizationIntegrationTests extends AbstractWampIntegrationTests {

    @Autowired
    WampTemplate template;

    private TestWampClient shopper() {
        TestWampClient client = connect("json");
        Welcome welcome = client.hello("realm1", TestWampClient.advancedHelloDetails());
        assertThat(welcome.details()).containsEntry("authrole", "shopper");
        return client;
    }

    private static void assertNotAuthorized(ErrorMessage error, String message) {
        assertThat(error.error()).isEqualTo(WampUris.NOT_AUTHORIZED);
        assertThat(error.payload().args()).containsExactly(message);
    }

    @AllSerializers
    void aRoleMayCallUnderComShopButNotPublish(String serializer) {
        TestWampClient callee = connect(serializer);
        callee.hello("realm1");
        callee.register("com.shop.cart.total", invocation -> Payload.of(List.of(42), null));
        TestWampClient shopper = connect(serializer);
        shopper.hello("realm1");

        assertThat(shopper.callForValue("com.shop.cart.total")).isEqualTo(42L);
        ErrorMessage refused = (ErrorMessage) TestWampClient.await(shopper.request(request ->
                new io.wampspring.router.message.Publish(request, Map.of("acknowledge", true),
                        "com.shop.cart.changed", Payload.EMPTY)));
        assertNotAuthorized(refused, "role 'shopper' is not authorized to publish to 'com.shop.cart.changed'");
        assertThat(shopper.callForError("org.bank.transfer", null, null).error()).isEqualTo(WampUris.NOT_AUTHORIZED);
        // the refusals cost nothing else: the session still calls
        assertThat(shopper.callForValue("com.shop.cart.total")).isEqualTo(42L);
    }

    @Test
    void theMetaApiIsDeniedToTheRoleButServesTheApplication() {
        TestWampClient shopper = shopper();
        assertNotAuthorized(shopper.callForError("wamp.session.count", null, null),
                "role 'shopper' is not authorized to call 'wamp.session.count'");
        assertNotAuthorized(shopper.callForError("wamp.session.kill_all", null, null),
                "role 'shopper' is not authorized to call 'wamp.session.kill_all'");
        assertThat(shopper.registerWith("com.shop.x", Map.of("match", "prefix"))).isInstanceOf(
                io.wampspring.router.message.Registered.class);
        // the application's own role has no rules in realm1: the meta API is open to it
        assertThat(template.call("wamp.session.count", Long.class).join()).isGreaterThanOrEqualTo(1L);
    }

    @Test
    void anExactRuleBeatsAPrefixWhichBeatsAWildcard() {
        TestWampClient shopper = shopper();
        // com.weather. (prefix, nothing allowed) decides before com.weather..today (wildcard)
        assertNotAuthorized(shopper.callForError("com.weather.london.today", null, null),
                "role 'shopper' is not authorized to call 'com.weather.london.today'");
        // the exact rule decides before the prefix: allowed, and nobody serves it
        assertThat(shopper.callForError("com.weather.paris.today", null, null).error())
                .isEqualTo(WampUris.NO_SUCH_PROCEDURE);
        // with no prefix in the way the wildcard decides
        assertThat(shopper.callForError("org.news.paris.headline", null, null).error())
                .isEqualTo(WampUris.NO_SUCH_PROCEDURE);
        assertThat(shopper.callForError("org.news.paris.weather", null, null).error())
                .isEqualTo(WampUris.NOT_AUTHORIZED);
    }

    @Test
    void aPatternRegistrationNeedsARuleAsBroadAsIt() {
        TestWampClient shopper = shopper();
        assertThat(shopper.registerWith("com.weather.paris.today", Map.of("match", "prefix")))
                .isInstanceOfSatisfying(ErrorMessage.class,
                        error -> assertThat(error.error()).isEqualTo(WampUris.NOT_AUTHORIZED));
    }

    @Test
    void theRoleDisclosesItsCallsWithoutAsking() {
        TestWampClient callee = shopper();
        java.util.concurrent.BlockingQueue<Invocation> invocations = callee.registerQueued("com.shop.whoami",
                Map.of());
        TestWampClient caller = shopper();

        TestWampClient.CallHandle call = caller.callWith(Map.of(), "com.shop.whoami", null, null);
        Invocation invocation = TestWampClient.poll(invocations, "INVOCATION of com.shop.whoami");
        assertThat(invocation.details()).containsEntry("caller_authrole", "shopper").containsKey("caller")
                .containsKey("caller_authid");
        callee.yield(invocation.request(), false, Payload.EMPTY);
        TestWampClient.await(call.reply());
    }

    @Test
    void theApplicationsSessionsObeyTheRulesOfARealmThatNamesTheirRole() {
        WampTemplate guarded = template.forRealm("guarded");
        guarded.register("com.guarded.echo", RegisterOptions.DEFAULTS, context -> context.args().get(0)).join();
        assertThat(guarded.call("com.guarded.echo", String.class, "hi").join()).isEqualTo("hi");

        assertThatThrownBy(() -> guarded.call("wamp.session.count", Long.class).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOfSatisfying(WampException.class,
                        ex -> assertThat(ex.uri()).isEqualTo(WampUris.NOT_AUTHORIZED));
        assertThatThrownBy(() -> guarded.register("org.other.echo", RegisterOptions.DEFAULTS, context -> "x").join())
                .cause().isInstanceOfSatisfying(WampException.class,
                        ex -> assertThat(ex.uri()).isEqualTo(WampUris.NOT_AUTHORIZED));
        assertThatThrownBy(() -> guarded.publish("com.guarded.news", List.of(), null,
                PublishOptions.DEFAULTS.withAcknowledge(true)).join())
                .cause().isInstanceOfSatisfying(WampException.class,
                        ex -> assertThat(ex.getMessage()).contains("role 'trusted' is not authorized to publish"));
        assertThat(guarded.call("com.guarded.echo", List.of("again"), null, CallOptions.DEFAULTS).join()
                .args()).containsExactly("again");
    }
}
