package io.wampspring.router;

import java.time.Instant;
import java.util.Map;

import io.wampspring.router.auth.Action;
import io.wampspring.router.auth.Authorization;
import io.wampspring.router.auth.Authorizer;
import io.wampspring.router.message.ErrorMessage;
import io.wampspring.router.message.MessageType;
import io.wampspring.router.message.Publish;

/**
 * Decides whether a PUBLISH is routed (topic URI, authorization, option types, the realm's publisher disclosure and
 * the role's) and
 * makes the {@link Publication} the broker routes, retains and hands to its listeners.
 */
final class PublishAdmission {

    private final UriCheck uriCheck;
    private final Authorizer authorizer;
    private final PubSubConfig config;

    PublishAdmission(UriCheck uriCheck, Authorizer authorizer, PubSubConfig config) {
        this.uriCheck = uriCheck;
        this.authorizer = authorizer;
        this.config = config;
    }

    /** A publication the broker routes, with the options it was published with. */
    record Admitted(Publication publication, PublishOptions options) {
    }

    Admitted admit(WampPeer publisher, Publish publish) throws Refused {
        String uri = publish.topic();
        if (!uriCheck.isValid(uri, false)
                || (uri.startsWith(WampUris.RESERVED_PREFIX) && !publisher.isRouterService())) {
            throw new Refused(publish, WampUris.INVALID_URI, "invalid or reserved topic URI '" + uri + "'");
        }
        // the router's own service session (meta events) is the router: nobody decides for it
        Authorization authorization = publisher.isRouterService() ? Authorization.ALLOW
                : authorizer.authorize(publisher.identity(), Action.PUBLISH, uri);
        if (!authorization.allowed()) {
            throw new Refused(publish, WampUris.NOT_AUTHORIZED,
                    "role '" + publisher.identity().authrole() + "' is not authorized to publish to '" + uri + "'");
        }
        PublishOptions options;
        try {
            options = PublishOptions.of(publish.options());
        }
        catch (IllegalArgumentException ex) {
            throw new Refused(publish, WampUris.INVALID_ARGUMENT, ex.getMessage());
        }
        Disclosure disclosure = config.publisherDisclosure();
        if (options.discloseMe() && disclosure == Disclosure.NEVER) {
            throw new Refused(publish, WampUris.OPTION_DISALLOWED_DISCLOSE_ME,
                    "this realm does not disclose publishers");
        }
        boolean disclose = disclosure == Disclosure.ALWAYS
                || (disclosure == Disclosure.ON_REQUEST && (options.discloseMe() || authorization.disclosed()));
        Map<String, Object> publisherDetails = disclose
                ? Map.of("publisher", publisher.sessionId(), "publisher_authid", publisher.identity().authid(),
                        "publisher_authrole", publisher.identity().authrole())
                : Map.of();
        Publication publication = new Publication(uri, Ids.random(), publisher.sessionId(), publisher.identity(),
                options.excludeMe(), options.filter(), publisherDetails, publish.payload(), Instant.now());
        return new Admitted(publication, options);
    }

    /** A PUBLISH the broker refuses; the ERROR goes out only if the publisher asked for an acknowledgement. */
    static final class Refused extends Exception {

        private final transient ErrorMessage error;

        Refused(Publish publish, String uri, String message) {
            super(message, null, false, false);
            this.error = Options.error(MessageType.PUBLISH, publish.request(), uri, message);
        }

        ErrorMessage error() {
            return error;
        }
    }
}
