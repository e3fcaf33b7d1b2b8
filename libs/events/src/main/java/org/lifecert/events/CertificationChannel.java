package org.lifecert.events;

/**
 * How a person got certified (or attempted to): self-service camera, a relative in proxy mode,
 * at the bureau counter, at a consulate, by an approved information collection (which counts as
 * certified for the period), or by an approved appeal.
 */
public enum CertificationChannel {
    SELF_SERVICE, RELATIVE, COUNTER, CONSULATE, APPROVED_COLLECTION, APPROVED_APPEAL
}
