package org.lifecert.appeal.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.lifecert.appeal.period.Period;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.Decision;

/**
 * Everything known about one person's certification: the facts of the current period (attempts
 * with both verdicts, the appeal decision, a counter certification) and a summary of past periods.
 * The state is not stored as a fact: {@link CertificationFold#outcome} derives it from the facts, so
 * the same facts give the same state whatever order they arrived in. Stored as one JSON document.
 */
public class CertificationRecord {

    public UUID personId;
    public String bureau;
    /** Known to enrollment (PersonEnrolled/PersonUpdated seen). */
    public boolean enrolled;
    /** A reference template exists: the person's face is collected. */
    public boolean templateRegistered;
    public String status;
    public String surname;
    public String idNumberMasked;
    public Map<UUID, Collection> collections = new LinkedHashMap<>();

    public Period period;
    /** The scheduler closed the period (its deadline passed). */
    public boolean periodClosed;
    public Map<UUID, Attempt> attempts = new LinkedHashMap<>();
    public AppealDecision appealDecision;
    public CounterCertification counter;

    public List<PeriodSummary> history = new ArrayList<>();
    /** First day the benefit is suspended (待遇停发); null when paid. */
    public LocalDate suspendedSince;
    public String suspendedPeriod;
    public LocalDate lastCertifiedOn;
    /** The period result last written to period_result (state|channel|time|period), to skip unchanged writes. */
    public String savedResult;
    /** Keys of the outgoing events already written to the outbox, so each is written once. */
    public TreeSet<String> emitted = new TreeSet<>();

    public CertificationRecord() {
    }

    public CertificationRecord(UUID personId, String bureau) {
        this.personId = personId;
        this.bureau = bureau;
    }

    /** An information collection (信息采集) submitted for review; approval counts as certified (seed 4.3 (8)). */
    public static class Collection {
        public String channel;
        public String submittedBy;
        public Instant submittedAt;
        public Boolean approved;
        public String reason;
        public String reviewer;
        public Instant reviewedAt;
    }

    /** One certification session and the two verdicts joined for it. */
    public static class Attempt {
        public UUID sessionId;
        public CertificationChannel channel;
        public UUID actingPersonId;
        /** When the session started (SessionStarted time, else the first verdict's time). */
        public Instant startedAt;
        /** Session deadline (from SessionStarted), null until known. */
        public Instant deadline;
        public boolean sessionKnown;
        public MatchResult match;
        public LivenessResult liveness;
        /** No verdict pair by deadline + grace: the attempt failed with {@code verdict_timeout}. */
        public boolean timedOut;
        public Instant timedOutAt;
    }

    public static class MatchResult {
        public Decision decision;
        public double score;
        public double threshold;
        public String modelVersion;
        public double frameQuality;
        public String reason;
        public Instant at;
    }

    public static class LivenessResult {
        public Decision decision;
        public double antiSpoofScore;
        public double identityContinuity;
        public List<String> reasons = new ArrayList<>();
        public List<String> failedSteps = new ArrayList<>();
        public Instant at;
    }

    public static class AppealDecision {
        public boolean approved;
        public String reason;
        public String reviewer;
        public Instant decidedAt;
    }

    public static class CounterCertification {
        public String clerk;
        public CertificationChannel channel;
        public Instant at;
    }

    public static class PeriodSummary {
        public String periodId;
        public LocalDate start;
        public LocalDate end;
        public CertificationState state;
        public CertificationChannel channel;
        public Instant certifiedAt;
        public String certifiedBy;
        public int failedAttempts;
        public UUID appealId;
        public String appealStatus;
    }
}
