package org.lifecert.testing;

/** A Kafka broker reachable on loopback, however it was started. */
public interface MessageBroker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
