package org.lifecert.messaging.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.lifecert.messaging.MessagingConfig;

/**
 * Deletes published outbox rows and old inbox ids after their retention. Deletes are not events:
 * the publication carries inserts only. Services call {@link #purge()} from their scheduler.
 */
@ApplicationScoped
public class MessagingJanitor {

    private static final Logger LOG = Logger.getLogger(MessagingJanitor.class);

    private final EntityManager entityManager;
    private final MessagingConfig config;

    public MessagingJanitor(EntityManager entityManager, MessagingConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    public void purge() {
        Instant now = Instant.now();
        int outbox = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from outbox_event where created_at < :before")
                .setParameter("before", now.minus(config.retention().outbox())).executeUpdate());
        int inbox = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from inbox_processed where processed_at < :before")
                .setParameter("before", now.minus(config.retention().inbox())).executeUpdate());
        if (outbox + inbox > 0) {
            LOG.infof("purged %d outbox rows and %d inbox ids past retention", outbox, inbox);
        }
    }
}
