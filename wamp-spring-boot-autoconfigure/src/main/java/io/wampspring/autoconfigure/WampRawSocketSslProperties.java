package io.wampspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/** TLS on the RawSocket port, rss:// ({@code wamp.rawsocket.ssl}). */
public class WampRawSocketSslProperties {

    /** Name of the SSL bundle (spring.ssl.bundle.*) whose key and certificate the RawSocket port serves TLS with. */
    private @Nullable String bundle;

    public @Nullable String getBundle() {
        return bundle;
    }

    public void setBundle(@Nullable String bundle) {
        this.bundle = bundle;
    }
}
