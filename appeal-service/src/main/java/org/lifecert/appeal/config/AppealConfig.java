package org.lifecert.appeal.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** appeal-service settings; defaults here, per-environment values in profiles / environment variables. */
@ConfigMapping(prefix = "lifecert.appeal")
public interface AppealConfig {

    /** Time zone of the bureaus: period and due dates are local dates there. */
    @WithDefault("Asia/Shanghai")
    String zone();

    /** A missing verdict is still awaited this long after the session deadline. */
    @WithDefault("PT2M")
    Duration verdictGrace();

    /** Deadline assumed for a session whose SessionStarted was never seen (from its first verdict). */
    @WithDefault("PT10M")
    Duration defaultSessionLength();

    /** Working days until an appeal is due (seed: 10个工作日). */
    @WithDefault("10")
    int appealWorkingDays();

    /** Class-path data file of national holidays and worked weekend days. */
    @WithDefault("holidays/cn-national.csv")
    String holidaysResource();

    /** Consumer threads (members of the consumer group in this instance). */
    @WithDefault("2")
    int consumerThreads();

    /** Consumer group of the input topics. */
    @WithDefault("appeal-service")
    String consumerGroup();

    /** Start the consumers at startup (off only for tools that drive the fold themselves). */
    @WithDefault("true")
    boolean consumersEnabled();

    /** Base URL of capture-gateway, target of the reviewer console's evidence proxy. */
    @WithDefault("http://127.0.0.1:8080")
    String captureGatewayUrl();

    /** Periods used by bureaus without their own entry. */
    PeriodRules defaults();

    /** Per-bureau overrides, keyed by bureau code. */
    Map<String, Bureau> bureaus();

    Scheduler scheduler();

    interface PeriodRules {
        /** FIXED_YEARLY or ROLLING. */
        @WithDefault("FIXED_YEARLY")
        String kind();

        /** MM-dd; first day of the yearly window. */
        @WithDefault("01-01")
        String windowStart();

        /** MM-dd; last day (deadline) of the yearly window. */
        @WithDefault("12-31")
        String windowEnd();

        /** Rolling: due this many months after the last certification. */
        @WithDefault("12")
        int rollingMonths();

        /** Rolling: the period opens this many days before it is due. */
        @WithDefault("60")
        int rollingOpenDays();
    }

    interface Bureau {
        Optional<String> kind();

        Optional<String> windowStart();

        Optional<String> windowEnd();

        Optional<Integer> rollingMonths();

        Optional<Integer> rollingOpenDays();

        /** The bureau's own holidays on top of the national ones. */
        Optional<List<LocalDate>> holidays();

        /** Weekend days the bureau works. */
        Optional<List<LocalDate>> workdays();
    }

    interface Scheduler {
        /** Run the period/timeout job (all replicas may; one holds the lease at a time). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("30s")
        String every();

        /** How long a replica holds the job lease. */
        @WithDefault("PT2M")
        Duration leaseTtl();

        /** Persons handled per run and kind of work. */
        @WithDefault("500")
        int batchSize();
    }
}
