package org.lifecert.platform.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** CDI beans for services that declare the {@code lifecert.pii} keys. */
@ApplicationScoped
public class PiiProducers {

    @Produces
    @ApplicationScoped
    IdNumbers idNumbers(PiiConfig config) {
        return new IdNumbers(config.idHashKey().orElseThrow(() -> missing("lifecert.pii.id-hash-key")));
    }

    @Produces
    @ApplicationScoped
    TemplateCipher templateCipher(PiiConfig config) {
        return new TemplateCipher(config.templateKeyId().orElseThrow(() -> missing("lifecert.pii.template-key-id")),
                config.templateKeys());
    }

    private static IllegalStateException missing(String property) {
        return new IllegalStateException(property + " is not set: personal data cannot be protected without it "
                + "(the local stack generates keys on first start; Kubernetes mounts them from a Secret)");
    }
}
