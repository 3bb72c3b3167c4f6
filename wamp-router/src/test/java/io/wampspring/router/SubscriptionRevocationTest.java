package io.wampspring.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.wampspring.router.message.Unsubscribed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscription revocation from the Java API. */
class SubscriptionRevocationTest extends PubSubRouterTest {

    private static final Map<String, Object> REVOCATION = TestPeer.roles("subscriber.subscription_revocation");

    @Test
    void aSubscriberThatAnnouncedRevocationIsToldWithTheSpecsDetails() {
        TestPeer subscriber = TestPeer.joinedWith(router, REALM, REVOCATION);
        long subscription = subscriber.subscribe("com.shop.secret");
        List<String> changes = new ArrayList<>();
        broker().addListener(new SubscriptionListener() {
            @Override
            public void unsubscribed(long sessionId, Subscription revoked) {
                changes.add("unsubscribed " + sessionId + " " + revoked.id());
            }

            @Override
            public void deleted(long sessionId, Subscription revoked) {
                changes.add("deleted " + sessionId + " " + revoked.id());
            }
        });

        assertThat(broker().revoke(subscription, "no longer authorized")).isTrue();

        Unsubscribed revoked = subscriber.next(Unsubscribed.class);
        assertThat(revoked.request()).isZero();
        assertThat(revoked.details()).isEqualTo(Map.of("subscription", subscription,
                "reason", "no longer authorized"));
        assertThat(broker().subscription(subscription)).isNull();
        assertThat(changes).containsExactly("unsubscribed " + subscriber.sessionId + " " + subscription,
                "deleted " + subscriber.sessionId + " " + subscription);
        TestPeer publisher = TestPeer.joined(router, REALM);
        publishAcknowledged(publisher, "com.shop.secret", 1L);
        subscriber.roundTrip();
        subscriber.expectNothingMore();
    }

    @Test
    void aSubscriberThatDidNotAnnounceItIsRemovedSilently() {
        TestPeer subscriber = TestPeer.joined(router, REALM);
        long subscription = subscriber.subscribe("com.shop.secret");
        TestPeer other = TestPeer.joinedWith(router, REALM, REVOCATION);
        assertThat(other.subscribe("com.shop.secret")).isEqualTo(subscription);

        assertThat(broker().revoke(subscription, "maintenance")).isTrue();

        assertThat(other.next(Unsubscribed.class).details()).containsEntry("reason", "maintenance");
        TestPeer publisher = TestPeer.joined(router, REALM);
        publishAcknowledged(publisher, "com.shop.secret", 1L);
        subscriber.roundTrip();
        subscriber.expectNothingMore();
        // the subscription can be taken again, afresh
        assertThat(subscriber.subscribe("com.shop.secret")).isNotEqualTo(subscription);
    }

    @Test
    void revokingAnUnknownSubscriptionSaysSo() {
        assertThat(broker().revoke(42L, "none")).isFalse();
    }

    @Test
    void theBrokerAnnouncesSubscriptionRevocation() {
        assertThat(brokerFeatures()).containsEntry("subscription_revocation", true);
    }
}
