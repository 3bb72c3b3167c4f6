package io.wampspring.sample.browser;

import io.wampspring.sample.ReactiveTransport;

/** {@link ShopPageBrowserTest} on the reactive transport (Reactor Netty). */
@ReactiveTransport
class ReactiveShopPageBrowserTest extends ShopPageBrowserTest {
}
