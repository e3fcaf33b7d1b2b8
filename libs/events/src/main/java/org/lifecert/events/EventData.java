package org.lifecert.events;

/**
 * The payload of an {@link Envelope}. Sealed: every event of the platform is one of these records,
 * and only this module defines them. Each record carries its type name in a {@code TYPE} constant.
 */
public sealed interface EventData permits
        PersonEnrolled, PersonUpdated, ReferenceTemplateRegistered, CollectionSubmitted, CollectionReviewed,
        RelativeLinked,
        FrameBatchCaptured,
        SessionStarted, SessionCompleted, SessionExpired,
        MatchVerdict,
        LivenessVerdict,
        AttemptFailed, PersonCertified, AppealOpened, AppealDecided, CertificationDue, CertificationOverdue,
        CertificationRestored {

    /** The event type name, e.g. {@code "PersonEnrolled"}, from {@link EventTypes}. */
    default String type() {
        return EventTypes.typeOf(getClass());
    }
}
