package org.lifecert.platform.pii;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** CDI beans for services that declare the {@code lifecert.pii} keys. */
@ApplicationScoped
public class PiiProducers {

    @Produces
    @ApplicationScoped
    IdNumbers idNumbers(PiiConfig config) {
        return new IdNumbers(config.idHashKey());
    }

    @Produces
    @ApplicationScoped
    TemplateCipher templateCipher(PiiConfig config) {
        return TemplateCipher.from(config);
    }
}
