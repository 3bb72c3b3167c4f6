package io.wampspring.spring.it;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.wampspring.spring.event.WampRegistrationCreatedEvent;
import io.wampspring.spring.event.WampRegistrationRemovedEvent;
import io.wampspring.spring.event.WampSessionClosedEvent;
import io.wampspring.spring.event.WampSessionOpenedEvent;
import io.wampspring.spring.event.WampSubscriptionCreatedEvent;
import io.wampspring.spring.event.WampSubscriptionRemovedEvent;
import org.springframework.context.event.EventListener;

/** An application bean that hears the router's application events through {@code @EventListener} methods. */
public class ApplicationEventRecorder {

    final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    volatile Thread lastThread;

    @EventListener
    void opened(WampSessionOpenedEvent event) {
        record(event);
    }

    @EventListener
    void closed(WampSessionClosedEvent event) {
        record(event);
    }

    @EventListener
    void registered(WampRegistrationCreatedEvent event) {
        record(event);
    }

    @EventListener
    void unregistered(WampRegistrationRemovedEvent event) {
        record(event);
    }

    @EventListener
    void subscribed(WampSubscriptionCreatedEvent event) {
        record(event);
    }

    @EventListener
    void unsubscribed(WampSubscriptionRemovedEvent event) {
        record(event);
    }

    private void record(Object event) {
        lastThread = Thread.currentThread();
        events.add(event);
    }
}
