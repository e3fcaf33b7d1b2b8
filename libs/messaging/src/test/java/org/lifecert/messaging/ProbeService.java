package org.lifecert.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.lifecert.events.Envelope;
import org.lifecert.messaging.outbox.Outbox;

/** A stand-in for a service's business logic: a state change and its event, one transaction. */
@ApplicationScoped
public class ProbeService {

    private final EntityManager em;
    private final Outbox outbox;

    public ProbeService(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @Transactional
    public void change(String label, Envelope<?> event) {
        em.createNativeQuery("insert into probe_state (id, label) values (:id, :label)")
                .setParameter("id", UUID.randomUUID()).setParameter("label", label).executeUpdate();
        outbox.publish(event);
    }

    /** {@link #change} with this transaction's {@code synchronous_commit} set to {@code mode} (on, off, local...). */
    @Transactional
    public void changeCommitting(String mode, String label, Envelope<?> event) {
        em.createNativeQuery("select set_config('synchronous_commit', :mode, true)").setParameter("mode", mode)
                .getSingleResult();
        change(label, event);
    }

    /** One state change announced by many events, written with {@link Outbox#publishAll}. */
    @Transactional
    public void changeAll(String label, java.util.Collection<? extends Envelope<?>> events) {
        em.createNativeQuery("insert into probe_state (id, label) values (:id, :label)")
                .setParameter("id", UUID.randomUUID()).setParameter("label", label).executeUpdate();
        outbox.publishAll(events);
    }

    @Transactional
    public long outboxCount(java.util.Collection<UUID> ids) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_event where id = any(:ids)")
                .setParameter("ids", ids.toArray(UUID[]::new)).getSingleResult()).longValue();
    }

    @Transactional
    public void changeThenFail(String label, Envelope<?> event) {
        change(label, event);
        throw new IllegalStateException("business rule refused " + label);
    }

    @Transactional
    public long stateCount(String label) {
        return ((Number) em.createNativeQuery("select count(*) from probe_state where label = :l")
                .setParameter("l", label).getSingleResult()).longValue();
    }

    @Transactional
    public long appliedCount(UUID eventId) {
        return ((Number) em.createNativeQuery("select count(*) from probe_applied where event_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(UUID eventId, String label) {
        em.createNativeQuery("insert into probe_applied (event_id, label) values (:id, :label)")
                .setParameter("id", eventId).setParameter("label", label).executeUpdate();
    }
}
