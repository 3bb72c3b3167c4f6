package io.wampspring.router;

/**
 * How a realm's broker treats publications.
 *
 * @param publisherDisclosure whether subscribers learn who published ({@code disclose_me})
 */
public record PubSubConfig(Disclosure publisherDisclosure) {

    public static PubSubConfig defaults() {
        return new PubSubConfig(Disclosure.ON_REQUEST);
    }
}
