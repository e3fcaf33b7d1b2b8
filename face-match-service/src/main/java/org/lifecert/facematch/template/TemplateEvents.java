package org.lifecert.facematch.template;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.lifecert.events.Decision;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventData;
import org.lifecert.events.PersonCertified;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.events.Topics;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceTemplate;
import org.lifecert.facematch.config.FaceMatchConfig;
import org.lifecert.facematch.match.MatchSessionStore;
import org.lifecert.facematch.match.MatchState;
import org.lifecert.messaging.consumer.EventConsumers;
import org.lifecert.platform.pii.TemplateCipher;

/**
 * Keeps the template store in step with enrollment (ReferenceTemplateRegistered) and, when enabled, refreshes a
 * person's template from the best frame of a session that certified them (PersonCertified): elderly faces change over
 * a decade. Only sessions that matched at least {@code refresh.min-score} refresh; every change is audited.
 */
@ApplicationScoped
public class TemplateEvents {

    private static final Logger LOG = Logger.getLogger(TemplateEvents.class);

    private final FaceMatchConfig config;
    private final EventConsumers consumers;
    private final TemplateStore store;
    private final MatchSessionStore sessions;
    private final TemplateCipher cipher;

    public TemplateEvents(FaceMatchConfig config, EventConsumers consumers, TemplateStore store,
                          MatchSessionStore sessions, TemplateCipher cipher) {
        this.config = config;
        this.consumers = consumers;
        this.store = store;
        this.sessions = sessions;
        this.cipher = cipher;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.consumerEnabled()) {
            start();
        }
    }

    /** Starts the template and certification consumer (one thread: these events are small and rare). */
    public void start() {
        consumers.start(config.templateGroup(), List.of(Topics.ENROLLMENT, Topics.CERTIFICATION), 1, this::handle);
    }

    void handle(Envelope<? extends EventData> event) {
        if (event.data() instanceof ReferenceTemplateRegistered t) {
            if (t.personId() == null || t.templateId() == null || t.keyId() == null || t.encryptedTemplate() == null) {
                throw new IllegalArgumentException("template event lacks personId, templateId, keyId or template");
            }
            store.register(t.templateId(), t.personId(), t.modelVersion(), t.keyId(), t.encryptedTemplate(),
                    t.photoCount(), t.quality(), "ENROLLMENT", null, event.source());
        } else if (event.data() instanceof PersonCertified c && config.refresh().enabled() && c.sessionId() != null) {
            refresh(c);
        }
    }

    private void refresh(PersonCertified certified) {
        var locked = sessions.lock(certified.sessionId());
        if (locked.isEmpty() || !Decision.PASS.name().equals(locked.get().decision())
                || locked.get().score() < config.refresh().minScore()) {
            LOG.debugf("no template refresh for session %s", certified.sessionId());
            return;
        }
        MatchState state = locked.get().state();
        if (state.best.isEmpty() || !certified.personId().equals(state.personId)) {
            return;
        }
        FaceTemplate template = new FaceTemplate(List.of(state.best.get(0).embedding()), FaceEngine.MODEL_VERSION);
        TemplateCipher.Sealed sealed = cipher.seal(template.toBytes());
        UUID templateId = UUID.nameUUIDFromBytes(("refresh:" + certified.sessionId()).getBytes());
        if (store.register(templateId, state.personId, FaceEngine.MODEL_VERSION, sealed.keyId(), sealed.base64(), 1,
                state.best.get(0).quality(), "REFRESH", certified.sessionId(), "face-match-service/PersonCertified")) {
            store.retireOldRefreshes(state.personId, config.refresh().keep(), "face-match-service/PersonCertified");
            LOG.infof("person %s: template refreshed from session %s", state.personId, certified.sessionId());
        }
    }
}
