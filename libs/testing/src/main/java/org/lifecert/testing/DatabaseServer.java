package org.lifecert.testing;

/** A PostgreSQL server reachable on loopback, however it was started. */
public interface DatabaseServer extends AutoCloseable {

    String host();

    int port();

    String username();

    String password();

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    String ensureDatabase(String name);

    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    @Override
    void close();
}
