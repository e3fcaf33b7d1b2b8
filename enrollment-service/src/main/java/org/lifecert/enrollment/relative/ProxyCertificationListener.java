package org.lifecert.enrollment.relative;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.Decision;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.MatchVerdict;
import org.lifecert.events.SessionStarted;
import org.lifecert.events.Topics;
import org.lifecert.messaging.consumer.EventConsumers;

/**
 * Activates pending relative links (issue 4: pending until the person's face is matched against their
 * own template during the first proxy certification): remembers proxy sessions from SessionStarted
 * (channel RELATIVE, actingPersonId), and on a passing MatchVerdict of such a session activates the link.
 * Thin: runs in the consumer's transaction with its inbox check.
 */
@ApplicationScoped
public class ProxyCertificationListener {

    private final EventConsumers consumers;
    private final RelativeService relatives;
    private final EntityManager em;
    private final boolean enabled;

    public ProxyCertificationListener(EventConsumers consumers, RelativeService relatives, EntityManager em,
            @ConfigProperty(name = "lifecert.enrollment.relatives.activation-consumer", defaultValue = "true") boolean enabled) {
        this.consumers = consumers;
        this.relatives = relatives;
        this.em = em;
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            consumers.start("enrollment-relatives", List.of(Topics.CAPTURE_SESSIONS, Topics.MATCH_VERDICTS), 1, this::handle);
        }
    }

    void handle(Envelope<? extends EventData> event) {
        if (event.data() instanceof SessionStarted s && s.channel() == CertificationChannel.RELATIVE
                && s.actingPersonId() != null) {
            em.createNativeQuery("""
                    insert into proxy_session (session_id, person_id, acting_person_id, started_at)
                    values (:s, :p, :a, :t) on conflict do nothing""")
                    .setParameter("s", s.sessionId()).setParameter("p", s.personId())
                    .setParameter("a", s.actingPersonId()).setParameter("t", Instant.now()).executeUpdate();
        } else if (event.data() instanceof MatchVerdict v && v.decision() == Decision.PASS) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select cast(person_id as varchar), cast(acting_person_id as varchar) from proxy_session where session_id = :s")
                    .setParameter("s", v.sessionId()).getResultList();
            for (Object[] row : rows) {
                relatives.activate(java.util.UUID.fromString((String) row[0]), java.util.UUID.fromString((String) row[1]),
                        "match:" + v.sessionId());
            }
        }
    }
}
