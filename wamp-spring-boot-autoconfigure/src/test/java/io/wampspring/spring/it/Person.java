package io.wampspring.spring.it;

/** A record that endpoints take and return. */
public record Person(String name, int age) {
}
