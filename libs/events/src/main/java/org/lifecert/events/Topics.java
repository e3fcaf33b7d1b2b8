package org.lifecert.events;

import java.util.List;
import java.util.stream.Stream;

/** Kafka topic names. Each topic has a dead-letter twin {@code <topic>.dlq} for poison records. */
public final class Topics {

    /** Key: person id. PersonEnrolled, PersonUpdated, ReferenceTemplateRegistered, CollectionSubmitted, CollectionReviewed, RelativeLinked. */
    public static final String ENROLLMENT = "lifecert.enrollment.v1";
    /** Key: session id. FrameBatchCaptured. */
    public static final String CAPTURE_FRAMES = "lifecert.capture.frames.v1";
    /** Key: person id. SessionStarted, SessionCompleted, SessionExpired. */
    public static final String CAPTURE_SESSIONS = "lifecert.capture.sessions.v1";
    /** Key: person id. MatchVerdict. */
    public static final String MATCH_VERDICTS = "lifecert.match.verdicts.v1";
    /** Key: person id. LivenessVerdict. */
    public static final String LIVENESS_VERDICTS = "lifecert.liveness.verdicts.v1";
    /** Key: person id. AttemptFailed, PersonCertified, AppealOpened, AppealDecided, CertificationDue, CertificationOverdue, CertificationRestored. */
    public static final String CERTIFICATION = "lifecert.certification.v1";

    private static final String DLQ_SUFFIX = ".dlq";

    private static final List<String> ALL = List.of(
            ENROLLMENT, CAPTURE_FRAMES, CAPTURE_SESSIONS, MATCH_VERDICTS, LIVENESS_VERDICTS, CERTIFICATION);

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** The six event topics, without dead-letter twins. */
    public static List<String> all() {
        return ALL;
    }

    /** The six event topics followed by their six dead-letter twins. */
    public static List<String> allWithDlq() {
        return Stream.concat(ALL.stream(), ALL.stream().map(Topics::dlq)).toList();
    }
}
