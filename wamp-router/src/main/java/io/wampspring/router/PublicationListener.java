package io.wampspring.router;

/**
 * Told of every publication the broker routed (event history keeps them from here), on the publisher's thread once
 * the fan-out is done; implementations stay quick.
 */
@FunctionalInterface
public interface PublicationListener {

    void published(Publication publication);
}
