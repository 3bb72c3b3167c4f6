package io.wampspring.router.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.wampspring.router.Disclosure;
import io.wampspring.router.RealmConfig;
import io.wampspring.router.TestPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.WampUris;
import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.AuthIdentity;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.client.LocalSession;
import io.wampspring.router.client.WampException;
import io.wampspring.router.message.Payload;
import io.wampspring.router.message.Result;
import io.wampspring.router.message.Welcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code wamp.subscription.get_events} against a real router, called by remote and in-process sessions: which realms
 * announce it, which events are kept, and which of them each caller may read.
 */
class EventHistoryServiceTest extends AbstractEventHistoryServiceTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> brokerFeatures(Welcome welcome) {
        Map<String, Object> roles = (Map<String, Object>) welcome.details().get("roles");
        return (Map<String, Object>) ((Map<String, Object>) roles.get("broker")).get("features");
    }

    @Test
    void welcomeAnnouncesEventHistoryOnlyWhenTheRealmHasRules() {
        TestPeer withRules = new TestPeer(router);
        assertThat(brokerFeatures(withRules.join("realm1"))).containsEntry("event_history", true);

        WampRouter plain = router(RealmConfig.anonymous("realm1"));
        TestPeer withoutRules = new TestPeer(plain);
        assertThat(brokerFeatures(withoutRules.join("realm1"))).doesNotContainKey("event_history")
                .containsEntry("pattern_based_subscription", true);
        long subscription = subscribe(withoutRules, "com.mycompany.log.auth", "exact");
        getEventsError(withoutRules, List.of(subscription), null, WampUris.NO_SUCH_PROCEDURE);
    }

    @Test
    void onlyTopicsWithARuleAreKeptEachWithinItsBestMatchingRulesBound() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long news = subscribe(subscriber, "com.other.news", "exact");
        long audit = subscribe(subscriber, "com.shop.audit", "exact");
        long shop = subscribe(subscriber, "com.shop.", "prefix");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        publish(publisher, "com.other.news", Map.of(), "not kept");
        long[] audits = new long[3];
        for (int i = 0; i < audits.length; i++) {
            audits[i] = publish(publisher, "com.shop.audit", Map.of(), i);
        }
        long order = publish(publisher, "com.shop.order", Map.of(), "kept");
        TestPeer reader = TestPeer.joined(router, "realm1");

        assertThat(publications(getEvents(reader, news, Map.of()), false)).isEmpty();
        // the exact rule (2) wins over the prefix rule (10)
        assertThat(publications(reader, audit, Map.of())).containsExactly(audits[1], audits[2]);
        assertThat(publications(reader, shop, Map.of())).containsExactly(audits[1], audits[2], order);
    }

    @Test
    void eventsForListedSessionsAreNotKeptButAuthidAndAuthroleListsAre() {
        TestPeer subscriber = TestPeer.joined(router, "realm1");
        long log = subscribe(subscriber, "com.mycompany.log", "prefix");
        TestPeer publisher = TestPeer.joined(router, "realm1");
        TestPeer reader = TestPeer.joined(router, "realm1");

        long plain = publish(publisher, "com.mycompany.log.auth", Map.of(), "everyone");
        publish(publisher, "com.mycompany.log.auth", Map.of("eligible", List.of(subscriber.sessionId)), "eligible");
        publish(publisher, "com.mycompany.log.auth", Map.of("exclude", List.of(reader.sessionId)), "exclude");
        publish(publisher, "com.mycompany.log.auth", Map.of("exclude", List.of()), "empty exclude");
        long byRole = publish(publisher, "com.mycompany.log.auth", Map.of("exclude_authrole", List.of("admin")),
                "no admins");

        Result result = getEvents(reader, log, Map.of());
        assertThat(publications(result, false)).containsExactly(plain, byRole);
        assertThat(events(result).get(1)).containsEntry("args", List.of("no admins"));
    }

    @Test
    void callersSeeOnlyWhatTheirAuthidAndAuthroleWereEligibleForEvenWhereCallersAreNeverDisclosed()
            throws Exception {
        WampRouter closed = router(historyRealm(Authorizer.PERMIT_ALL, Disclosure.NEVER));
        TestPeer subscriber = TestPeer.joined(closed, "realm1");
        long log = subscribe(subscriber, "com.mycompany.log", "prefix");
        TestPeer publisher = TestPeer.joined(closed, "realm1");
        TestPeer reader = TestPeer.joined(closed, "realm1");
        LocalSession admin = new LocalSession(closed, "realm1", new AuthIdentity("boss", "admin", "local", "test"),
                executor);

        long everyone = publish(publisher, "com.mycompany.log.auth", Map.of(), 1);
        long admins = publish(publisher, "com.mycompany.log.auth", Map.of("eligible_authrole", List.of("admin")), 2);
        long noAdmins = publish(publisher, "com.mycompany.log.auth", Map.of("exclude_authrole", List.of("admin")), 3);
        long boss = publish(publisher, "com.mycompany.log.auth", Map.of("eligible_authid", List.of("boss")), 4);
        long notReader = publish(publisher, "com.mycompany.log.auth",
                Map.of("exclude_authid", List.of("anonymous-" + reader.sessionId)), 5);

        assertThat(publications(reader, log, Map.of())).containsExactly(everyone, noAdmins);
        Result seenByAdmin = admin.call(GET_EVENTS, Map.of(), Payload.ofArgs(log)).get(5, TimeUnit.SECONDS);
        assertThat(publications(seenByAdmin)).containsExactly(everyone, admins, boss, notReader);
        // an event the caller may not see does not serve it as an anchor either
        getEventsError(reader, List.of(log), Map.of("after_publication", admins), WampUris.INVALID_ARGUMENT);
        admin.close();
    }

    @Test
    void aCallerNotAllowedToSubscribeToTheTopicIsNotAuthorized() throws Exception {
        Authorizer noSecretsForAnonymous = (identity, action, uri) -> !(action == Action.SUBSCRIBE
                && uri.startsWith("com.shop.secret") && identity.authrole().equals("anonymous"));
        WampRouter guarded = router(historyRealm(noSecretsForAnonymous, Disclosure.ON_REQUEST));
        LocalSession trusted = new LocalSession(guarded, "realm1",
                new AuthIdentity("spring", "trusted", "local", "test"), executor);
        long secret = trusted.subscribe("com.shop.secret", Map.of(), event -> { }).get(5, TimeUnit.SECONDS).id();
        TestPeer anonymous = TestPeer.joined(guarded, "realm1");
        long plans = publish(anonymous, "com.shop.secret", Map.of(), "plans");

        getEventsError(anonymous, List.of(secret), null, WampUris.NOT_AUTHORIZED);
        Result allowed = trusted.call(GET_EVENTS, Map.of(), Payload.ofArgs(secret)).get(5, TimeUnit.SECONDS);
        assertThat(publications(allowed)).containsExactly(plans);
        trusted.close();
    }

    @Test
    void inProcessCallersGetWampExceptions() throws Exception {
        LocalSession local = new LocalSession(router, "realm1", new AuthIdentity("spring", "trusted", "local", "t"),
                executor);
        assertThatThrownBy(() -> local.call(GET_EVENTS, Map.of(), Payload.ofArgs(77L)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(WampException.class)
                .extracting(failure -> ((WampException) failure).uri()).isEqualTo(WampUris.NO_SUCH_SUBSCRIPTION);
        local.close();
    }
}
