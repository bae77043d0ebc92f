package io.nasql.db;

import java.util.UUID;
import java.util.stream.Stream;

/** A fresh inventory on each backend, for suites that must behave the same on H2 and PostgreSQL. */
public final class TestInventories {
    private TestInventories() {
    }

    /** The backends a parameterized test runs on: {@code @MethodSource("io.nasql.db.TestInventories#backends")}. */
    public static Stream<Backend> backends() {
        return Stream.of(Backend.H2, Backend.POSTGRESQL);
    }

    /** A fresh inventory's URL: an in-memory H2 database named google, or a fresh PostgreSQL database google. */
    public static String freshUrl(Backend backend) {
        return backend == Backend.H2 ? "jdbc:h2:mem:" + UUID.randomUUID() + "/google" : TestPostgres.freshGoogle();
    }

    public static Inventory fresh(Backend backend) {
        return Inventory.open(freshUrl(backend));
    }
}
