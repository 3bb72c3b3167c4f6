package io.wampspring.sample;

/** What a client orders: an item of the catalog and a quantity. */
public record Order(String item, int quantity) {
}
