package org.lifecert.enrollment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every limit and retention of enrollment-service; defaults here, per-environment values in profiles. */
@ConfigMapping(prefix = "lifecert.enrollment")
public interface EnrollmentConfig {

    Photos photos();

    Roster roster();

    Relatives relatives();

    Search search();

    interface Photos {
        /** Reference photos per upload (issue 4: 1-3). */
        @WithDefault("3")
        int maxCount();

        /** Largest accepted photo, bytes (issue 4: 10 MB). */
        @WithDefault("10485760")
        int maxBytes();

        /** Raw photos are purged this long after upload; the sealed template stays. */
        @WithDefault("P30D")
        Duration retention();

        /** Also refuse photos the anti-spoofing model takes for a photo of a photo or of a screen. */
        @WithDefault("true")
        boolean antiSpoof();

        /** Directory of fr_*.onnx; empty = the models shipped inside lifecert-face-engine. */
        Optional<String> modelDirectory();
    }

    interface Roster {
        /** Valid rows committed per transaction. */
        @WithDefault("1000")
        int batchSize();

        /** Largest roster file accepted, bytes. */
        @WithDefault("209715200")
        long maxBytes();
    }

    interface Relatives {
        /** Relatives that may certify one person (pending and active links). */
        @WithDefault("5")
        int maxPerPerson();

        /** The relative's identity-document photo is purged this long after the link is made. */
        @WithDefault("P30D")
        Duration documentRetention();
    }

    interface Search {
        @WithDefault("20")
        int defaultPageSize();

        @WithDefault("200")
        int maxPageSize();
    }
}
