package org.lifecert.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * {@link #firstDelivery} for many events with one statement: records them all and returns the
     * ids seen for the first time (an id given twice counts once).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        UUID[] ids = new LinkedHashSet<>(eventIds).toArray(UUID[]::new);
        List<?> inserted = entityManager.createNativeQuery("""
                insert into inbox_processed (consumer, event_id)
                select :consumer, id from unnest(:ids) as id
                on conflict do nothing
                returning event_id""")
                .setParameter("consumer", consumer)
                .setParameter("ids", ids)
                .getResultList();
        Set<UUID> first = new HashSet<>();
        for (Object id : inserted) {
            first.add(id instanceof UUID u ? u : UUID.fromString(id.toString()));
        }
        return first;
    }
}
