package org.lifecert.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every tunable of capture-gateway; defaults here, per-environment values in profiles. */
@ConfigMapping(prefix = "lifecert.gateway")
public interface GatewayConfig {

    Token token();

    Captcha captcha();

    Login login();

    Challenge challenge();

    Upload upload();

    Evidence evidence();

    ResultStream resultStream();

    /** How often overdue sessions are expired and old evidence, captchas and failures deleted. */
    @WithDefault("10s")
    String housekeepingEvery();

    /** Zone in which lockout times and dates are shown to recipients. */
    @WithDefault("Asia/Shanghai")
    String displayZone();

    interface Token {
        /**
         * Base64 HMAC-SHA256 key (at least 32 bytes) that signs recipient session tokens. Never in the
         * repository: the local stack generates it, Kubernetes mounts it from a Secret, tests generate one.
         */
        Optional<String> signingKey();

        @WithDefault("PT20M")
        Duration ttl();
    }

    /** The page's result stream (server-sent events). */
    interface ResultStream {
        /**
         * How often an open stream reads its session's result again although nothing woke it: an outcome folded by
         * another replica, or a session that expired. An outcome this replica folds is pushed at once.
         */
        @WithDefault("PT1S")
        Duration recheck();

        /** A stream ends after this long even while the session is still pending (the page reconnects). */
        @WithDefault("PT10M")
        Duration limit();
    }

    interface Captcha {
        @WithDefault("PT3M")
        Duration ttl();

        @WithDefault("4")
        int length();
    }

    interface Login {
        /** Failed logins per ID number within {@link #window()} before it is locked. */
        @WithDefault("5")
        int maxFailuresPerId();

        /** Failed logins per client address within {@link #window()} before it is locked. */
        @WithDefault("20")
        int maxFailuresPerIp();

        @WithDefault("PT15M")
        Duration window();

        @WithDefault("PT15M")
        Duration lockout();
    }

    interface Challenge {
        /** The actions a challenge is drawn from (all five by default). */
        @WithDefault("BLINK,OPEN_MOUTH,TURN_LEFT,TURN_RIGHT,NOD")
        java.util.List<org.lifecert.events.Action> actions();

        @WithDefault("2")
        int minActions();

        @WithDefault("3")
        int maxActions();

        /** Time the recipient has for each action. */
        @WithDefault("8")
        int actionSeconds();

        /** Extra time for the camera check before the first action and for the last upload. */
        @WithDefault("PT2M")
        Duration grace();
    }

    interface Upload {
        @WithDefault("16")
        int maxFramesPerBatch();

        @WithDefault("131072")
        int maxFrameBytes();

        /** Kept under Kafka's default 1 MB message size once base64-encoded. */
        @WithDefault("655360")
        int maxBatchBytes();

        @WithDefault("64")
        int minDimension();

        @WithDefault("1920")
        int maxDimension();

        /** How long to wait for the broker to acknowledge a batch before refusing it. */
        @WithDefault("PT10S")
        Duration publishTimeout();
    }

    interface Evidence {
        /** Best frames kept per challenge step for reviewers. */
        @WithDefault("2")
        int framesPerStep();

        @WithDefault("P90D")
        Duration retention();
    }
}
