package org.lifecert.appeal.certification;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import org.lifecert.appeal.config.AppealConfig;
import org.lifecert.events.CollectionReviewed;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.CollectionSubmitted;
import org.lifecert.events.LivenessVerdict;
import org.lifecert.events.MatchVerdict;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonUpdated;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.events.SessionStarted;
import org.lifecert.events.Topics;
import org.lifecert.messaging.consumer.BatchEventHandler;
import org.lifecert.messaging.consumer.EventConsumers;

/**
 * Thin: the consumer loop decodes and checks the inbox; the service folds in the same transaction.
 * Batched ({@code lifecert.messaging.consumer.batch-size}): a poll's events are folded together.
 */
@ApplicationScoped
public class CertificationConsumer {

    /** The input topics; replaying them from the start rebuilds the state. */
    public static final List<String> TOPICS = List.of(Topics.ENROLLMENT, Topics.CAPTURE_SESSIONS,
            Topics.MATCH_VERDICTS, Topics.LIVENESS_VERDICTS);

    static final Set<String> FOLDED = Set.of(PersonEnrolled.TYPE, PersonUpdated.TYPE, ReferenceTemplateRegistered.TYPE,
            CollectionSubmitted.TYPE, CollectionReviewed.TYPE, SessionStarted.TYPE, MatchVerdict.TYPE,
            LivenessVerdict.TYPE);

    private final EventConsumers consumers;
    private final CertificationService service;
    private final AppealConfig config;

    public CertificationConsumer(EventConsumers consumers, CertificationService service, AppealConfig config) {
        this.consumers = consumers;
        this.service = service;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.consumersEnabled()) {
            return;
        }
        consumers.start(config.consumerGroup(), TOPICS, config.consumerThreads(), new BatchEventHandler() {
            @Override
            public void handle(Envelope<? extends EventData> event) {
                if (FOLDED.contains(event.type())) {
                    service.apply(event);
                }
            }

            @Override
            public void handleAll(List<Envelope<? extends EventData>> events) {
                service.applyAll(events.stream().filter(e -> FOLDED.contains(e.type())).toList());
            }
        });
    }
}
