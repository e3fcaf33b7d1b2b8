package org.lifecert.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Valid sample events, one factory per type, for tests here and (through the test-jar) in services.
 * Values are realistic; ids are random so two samples never collide.
 */
public final class TestEvents {

    public static final String BUREAU = "110000";
    public static final Instant NOW = Instant.parse("2026-03-01T08:30:15.123456Z");
    /** A tiny but genuine JPEG header + trailer; enough for the contract, not for a face. */
    public static final String JPEG_BASE64 = Base64.getEncoder().encodeToString(
            new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
                    (byte) 0xFF, (byte) 0xD9});

    private TestEvents() {
    }

    /** One sample of every registered type, in registration order. */
    public static List<EventData> oneOfEach() {
        UUID person = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        return List.of(
                personEnrolled(person), personUpdated(person), referenceTemplateRegistered(person),
                collectionSubmitted(person), collectionReviewed(person), relativeLinked(person),
                frameBatchCaptured(session, person),
                sessionStarted(session, person), sessionCompleted(session, person), sessionExpired(session, person),
                matchVerdict(session, person),
                livenessVerdict(session, person),
                attemptFailed(session, person), personCertified(session, person), appealOpened(person),
                appealDecided(person), certificationDue(person), certificationOverdue(person),
                certificationRestored(person));
    }

    /** An envelope around {@code data}, subject = the data's person id. */
    public static <T extends EventData> Envelope<T> envelope(T data) {
        return Envelope.of("test", personIdOf(data).toString(), BUREAU, data);
    }

    public static UUID personIdOf(EventData data) {
        try {
            return (UUID) data.getClass().getMethod("personId").invoke(data);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(data.getClass() + " has no personId", e);
        }
    }

    public static PersonEnrolled personEnrolled(UUID personId) {
        return new PersonEnrolled(personId, "3f1c".repeat(16), "110***********1234", "张", "秀英", Sex.FEMALE,
                LocalDate.of(1951, 4, 12), BenefitType.RETIREMENT, "北京市朝阳区", "13800138000", null, null,
                PersonStatus.ACTIVE);
    }

    public static PersonEnrolled personEnrolledAbroad(UUID personId) {
        return new PersonEnrolled(personId, "a0b1".repeat(16), "310***********567X", "李", "建国", Sex.MALE,
                LocalDate.of(1948, 11, 2), BenefitType.WORK_INJURY, "上海市", "+14155550123", "li@example.org",
                new PersonEnrolled.Abroad("加拿大", "E12345678", "中国驻温哥华总领事馆"), PersonStatus.ACTIVE);
    }

    public static PersonUpdated personUpdated(UUID personId) {
        return new PersonUpdated(personId, "3f1c".repeat(16), "110***********1234", "张", "秀英", Sex.FEMALE,
                LocalDate.of(1951, 4, 12), BenefitType.RETIREMENT, "北京市朝阳区", "13800138000",
                "zhang@example.org", new PersonEnrolled.Abroad("日本", "E87654321", "中国驻大阪总领事馆"),
                PersonStatus.DECEASED, "死亡登记");
    }

    public static ReferenceTemplateRegistered referenceTemplateRegistered(UUID personId) {
        return new ReferenceTemplateRegistered(personId, UUID.randomUUID(), "faceplugin-0.0.1", "k-2026-01",
                Base64.getEncoder().encodeToString(new byte[540]), 3, 0.87);
    }

    public static CollectionSubmitted collectionSubmitted(UUID personId) {
        return new CollectionSubmitted(personId, UUID.randomUUID(), CollectionSubmitted.CHANNEL_COUNTER, "clerk.wang");
    }

    public static CollectionReviewed collectionReviewed(UUID personId) {
        return new CollectionReviewed(personId, UUID.randomUUID(), false, "照片不清晰", "reviewer.liu", NOW);
    }

    public static RelativeLinked relativeLinked(UUID personId) {
        return new RelativeLinked(UUID.randomUUID(), personId, UUID.randomUUID(), "子女", RelativeLinked.STATUS_ACTIVE);
    }

    public static FrameBatchCaptured frameBatchCaptured(UUID sessionId, UUID personId) {
        return frameBatchCaptured(sessionId, personId, 3, JPEG_BASE64);
    }

    public static FrameBatchCaptured frameBatchCaptured(UUID sessionId, UUID personId, int frames, String jpegBase64) {
        List<FrameBatchCaptured.Frame> list = java.util.stream.IntStream.range(0, frames)
                // the second frame is one the page observed (v2), the others are not marked
                .mapToObj(i -> new FrameBatchCaptured.Frame(i, NOW.plusMillis(100L * i), jpegBase64, i == 1 ? true : null))
                .toList();
        return new FrameBatchCaptured(sessionId, personId, UUID.randomUUID(), 0, Action.BLINK, "n-7f3a9c", list,
                true, false, null, NOW.plus(2, ChronoUnit.MINUTES));
    }

    public static SessionStarted sessionStarted(UUID sessionId, UUID personId) {
        return new SessionStarted(sessionId, personId,
                List.of(new SessionStarted.ChallengeStep(0, Action.BLINK, 8),
                        new SessionStarted.ChallengeStep(1, Action.TURN_LEFT, 8),
                        new SessionStarted.ChallengeStep(2, Action.OPEN_MOUTH, 8)),
                "n-7f3a9c", NOW.plus(2, ChronoUnit.MINUTES), CertificationChannel.RELATIVE, UUID.randomUUID());
    }

    public static SessionCompleted sessionCompleted(UUID sessionId, UUID personId) {
        return new SessionCompleted(sessionId, personId, 6, 42);
    }

    public static SessionExpired sessionExpired(UUID sessionId, UUID personId) {
        return new SessionExpired(sessionId, personId, "DEADLINE_PASSED");
    }

    public static MatchVerdict matchVerdict(UUID sessionId, UUID personId) {
        return new MatchVerdict(sessionId, personId, Decision.PASS, 0.71, 0.5, "faceplugin-0.0.1", 5, 0.82, null);
    }

    public static LivenessVerdict livenessVerdict(UUID sessionId, UUID personId) {
        return new LivenessVerdict(sessionId, personId, Decision.FAIL,
                List.of(new LivenessVerdict.StepResult(0, Action.BLINK, true, null),
                        new LivenessVerdict.StepResult(1, Action.NOD, false, "ACTION_NOT_DETECTED")),
                0.93, 0.97, List.of("ACTION_NOT_DETECTED"));
    }

    public static AttemptFailed attemptFailed(UUID sessionId, UUID personId) {
        return new AttemptFailed(personId, "2026", sessionId, 1, List.of("MATCH_BELOW_THRESHOLD"),
                CertificationChannel.SELF_SERVICE);
    }

    public static PersonCertified personCertified(UUID sessionId, UUID personId) {
        return new PersonCertified(personId, "2026", CertificationChannel.SELF_SERVICE, NOW, LocalDate.of(2027, 1, 1),
                sessionId, null, null);
    }

    public static AppealOpened appealOpened(UUID personId) {
        return new AppealOpened(UUID.randomUUID(), personId, "2026", NOW, LocalDate.of(2026, 3, 13));
    }

    public static AppealDecided appealDecided(UUID personId) {
        return new AppealDecided(UUID.randomUUID(), personId, "2026", true, "本人到场核实", "reviewer.liu", NOW);
    }

    public static CertificationDue certificationDue(UUID personId) {
        return new CertificationDue(personId, "2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    }

    public static CertificationOverdue certificationOverdue(UUID personId) {
        return new CertificationOverdue(personId, "2025", LocalDate.of(2025, 12, 31));
    }

    public static CertificationRestored certificationRestored(UUID personId) {
        return new CertificationRestored(personId, "2026", 2, NOW);
    }
}
