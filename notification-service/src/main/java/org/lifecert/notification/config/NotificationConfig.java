package org.lifecert.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/** Everything notification-service can be told; defaults here, per-environment values in profiles. */
@ConfigMapping(prefix = "lifecert.notification")
public interface NotificationConfig {

    /** Language of people who have not chosen one (events carry no language). */
    @WithDefault("zh-CN")
    String defaultLanguage();

    /** Kafka consumer group and number of consumer threads. */
    @WithDefault("notification-service")
    String consumerGroup();

    @WithDefault("1")
    int consumerThreads();

    Dispatch dispatch();

    Email email();

    Sms sms();

    Webhook webhook();

    Reminders reminders();

    QuietHours quietHours();

    RateLimit rateLimit();

    interface Dispatch {
        /** How often each channel looks for due deliveries. */
        @WithDefault("1s")
        String every();

        /** Deliveries claimed per channel and round. */
        @WithDefault("100")
        int batchSize();

        /** Parallel sends per channel. */
        @WithDefault("4")
        int parallelism();

        /** A claimed delivery not confirmed within this time is claimed again (crash mid-send). */
        @WithDefault("60s")
        Duration lease();

        /** Attempts before a delivery goes to the dead-letter table. */
        @WithDefault("8")
        int maxAttempts();

        /** Back-off after the first failure; doubles after each further failure. */
        @WithDefault("5s")
        Duration backoffBase();

        @WithDefault("1h")
        Duration backoffMax();
    }

    interface Email {
        @WithDefault("LifeCert <noreply@lifecert.local>")
        String from();
    }

    interface Sms {
        /** The HTTP gateway's send endpoint; without it SMS deliveries fail and retry (then dead-letter). */
        Optional<String> endpoint();

        /** Basic-auth user and password of the gateway (from secrets, never in the repo). */
        Optional<String> username();

        Optional<String> password();

        /** Sender id / signature shown on the phone. */
        @WithDefault("LifeCert")
        String sender();

        @WithDefault("10s")
        Duration timeout();
    }

    interface Webhook {
        @WithDefault("10s")
        Duration timeout();

        /** After a rotation, the previous secret still signs (second signature) this long. */
        @WithDefault("P1D")
        Duration rotationGrace();
    }

    interface Reminders {
        /** How long before the deadline reminders go out, e.g. P14D,P7D,P1D. */
        @WithDefault("P14D,P7D,P1D")
        List<Duration> offsets();

        /** Local time of day (bureau zone) a reminder is sent on its day. */
        @WithDefault("10:00")
        LocalTime timeOfDay();

        /** How often the schedule is swept; "off" disables the timer (tests sweep by hand). */
        @WithDefault("30s")
        String sweepEvery();

        @WithDefault("500")
        int batchSize();
    }

    interface QuietHours {
        /** Default quiet hours of bureaus without settings of their own (no SMS in between). */
        @WithDefault("21:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();

        @WithDefault("Asia/Shanghai")
        String zone();
    }

    interface RateLimit {
        /** At most this many SMS/e-mails per person and channel within {@link #window()}; the rest wait. */
        @WithDefault("6")
        int maxMessages();

        @WithDefault("24h")
        Duration window();
    }
}
