package org.lifecert.messaging.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;

/**
 * Writes an event into the outbox table inside the caller's transaction, so that the event is
 * published if and only if the state change that it announces commits (debezium-examples/outbox).
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final EventCodec codec = EventCodec.shared();

    public Outbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Validates and stores the event; it reaches {@link Envelope#topic()} once the transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Envelope<?> event) {
        entityManager.createNativeQuery("""
                insert into outbox_event (id, aggregatetype, aggregateid, type, payload)
                values (:id, :topic, :key, :type, :payload)""")
                .setParameter("id", event.id())
                .setParameter("topic", event.topic())
                .setParameter("key", event.partitionKey())
                .setParameter("type", event.type())
                .setParameter("payload", codec.encode(event))
                .executeUpdate();
    }
}
