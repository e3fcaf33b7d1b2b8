package org.lifecert.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer decided a collection. Approval counts as certified for the current period.
 *
 * @param reason nullable
 */
public record CollectionReviewed(
        UUID personId, UUID collectionId, boolean approved, String reason, String reviewer, Instant reviewedAt)
        implements EventData {

    public static final String TYPE = "CollectionReviewed";
}
