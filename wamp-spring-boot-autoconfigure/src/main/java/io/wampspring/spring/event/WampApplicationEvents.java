package io.wampspring.spring.event;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.wampspring.router.Realm;
import io.wampspring.router.Registration;
import io.wampspring.router.RegistrationListener;
import io.wampspring.router.RouterSession;
import io.wampspring.router.SessionListener;
import io.wampspring.router.Subscription;
import io.wampspring.router.SubscriptionListener;
import io.wampspring.router.WampPeer;
import io.wampspring.router.WampRouter;
import io.wampspring.router.auth.AuthIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes the router's session, registration and subscription changes as Spring application events
 * ({@link WampSessionOpenedEvent} and the others in this package), for {@code @EventListener} methods.
 * <p>
 * The router tells of a change on its routing thread; the event is published from one thread of its own, so a slow
 * listener never holds up routing and the events arrive in the order the changes happened. The queue is bounded
 * ({@value #QUEUE_CAPACITY} events): when listeners fall that far behind, further events are dropped and a warning
 * is logged once.
 */
public final class WampApplicationEvents implements DisposableBean {

    private static final Logger logger = LoggerFactory.getLogger(WampApplicationEvents.class);

    static final int QUEUE_CAPACITY = 10_000;

    private final ApplicationEventPublisher publisher;
    private final ThreadPoolExecutor thread;
    private final AtomicBoolean overflowReported = new AtomicBoolean();

    public WampApplicationEvents(WampRouter router, ApplicationEventPublisher publisher) {
        this.publisher = publisher;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), task -> {
                    Thread daemon = new Thread(task, "wamp-application-events");
                    daemon.setDaemon(true);
                    return daemon;
                }, (task, executor) -> dropped());
        for (Realm realm : router.realms()) {
            realm.addSessionListener(new RealmListener(realm.name()));
            realm.dealer().addListener(new RealmListener(realm.name()));
            realm.broker().addListener(new RealmListener(realm.name()));
        }
    }

    private void dropped() {
        if (!thread.isShutdown() && overflowReported.compareAndSet(false, true)) {
            logger.warn("WAMP application event listeners fell {} events behind: dropping events", QUEUE_CAPACITY);
        }
    }

    private void publish(Object event) {
        thread.execute(() -> {
            try {
                publisher.publishEvent(event);
            }
            catch (RuntimeException ex) {
                logger.warn("Publishing {} failed", event, ex);
            }
        });
    }

    /** Publishes what is queued (up to a few seconds' worth), then stops. */
    @Override
    public void destroy() throws InterruptedException {
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** The listener of one realm: the router's hooks do not name the realm. */
    private final class RealmListener implements SessionListener, RegistrationListener, SubscriptionListener {

        private final String realm;

        RealmListener(String realm) {
            this.realm = realm;
        }

        @Override
        public void joined(RouterSession session) {
            AuthIdentity identity = session.identity();
            publish(new WampSessionOpenedEvent(realm, session.sessionId(), identity.authid(), identity.authrole(),
                    identity.authmethod(), session.connection().info().type()));
        }

        @Override
        public void left(RouterSession session) {
            AuthIdentity identity = session.identity();
            publish(new WampSessionClosedEvent(realm, session.sessionId(), identity.authid(), identity.authrole()));
        }

        @Override
        public void created(WampPeer callee, Registration registration) {
            publish(new WampRegistrationCreatedEvent(realm, registration.id(), registration.uri(),
                    registration.match().wireName(), registration.invoke().wireName(), callee.sessionId()));
        }

        @Override
        public void deleted(long sessionId, Registration registration) {
            publish(new WampRegistrationRemovedEvent(realm, registration.id(), registration.uri(),
                    registration.match().wireName(), sessionId));
        }

        @Override
        public void created(WampPeer subscriber, Subscription subscription) {
            publish(new WampSubscriptionCreatedEvent(realm, subscription.id(), subscription.uri(),
                    subscription.match().wireName(), subscriber.sessionId()));
        }

        @Override
        public void deleted(long sessionId, Subscription subscription) {
            publish(new WampSubscriptionRemovedEvent(realm, subscription.id(), subscription.uri(),
                    subscription.match().wireName(), sessionId));
        }
    }
}
