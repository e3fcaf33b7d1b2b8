package org.lifecert.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The ids of events a consumer has applied (debezium-examples/outbox, MessageLog). Recording the id
 * in the same transaction as the effect makes redelivery harmless.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event as processed by {@code consumer}; true the first time only. A concurrent
     * transaction recording the same id waits for this one and then gets false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return entityManager.createNativeQuery("""
                insert into inbox_processed (consumer, event_id) values (:consumer, :id)
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .executeUpdate() == 1;
    }
}
