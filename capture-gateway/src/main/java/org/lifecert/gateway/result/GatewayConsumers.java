package org.lifecert.gateway.result;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.PersonCertified;
import org.lifecert.events.Topics;
import org.lifecert.gateway.person.EnrollmentProjector;
import org.lifecert.messaging.consumer.EventConsumers;

/** The gateway's one consumer group: enrollment (who may log in) and certification outcomes (results for the page). */
@ApplicationScoped
public class GatewayConsumers {

    public static final String GROUP = "capture-gateway";

    void start(@Observes StartupEvent event, EventConsumers consumers, EnrollmentProjector projector, ResultStore results) {
        consumers.start(GROUP, List.of(Topics.ENROLLMENT, Topics.CERTIFICATION), 1, envelope -> {
            if (envelope.data() instanceof PersonCertified c) {
                results.certified(c);
            } else if (envelope.data() instanceof AttemptFailed f) {
                results.failed(f);
            } else if (envelope.data() instanceof AppealOpened a) {
                results.appealOpened(a);
            } else {
                projector.apply(envelope);
            }
        });
    }
}
