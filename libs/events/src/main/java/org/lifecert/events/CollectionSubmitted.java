package org.lifecert.events;

import java.util.UUID;

/**
 * Information collection submitted for review.
 *
 * @param channel     COUNTER, ABROAD or RELATIVE
 * @param submittedBy clerk user name or person id of the submitter
 */
public record CollectionSubmitted(UUID personId, UUID collectionId, String channel, String submittedBy)
        implements EventData {

    public static final String TYPE = "CollectionSubmitted";

    public static final String CHANNEL_COUNTER = "COUNTER";
    public static final String CHANNEL_ABROAD = "ABROAD";
    public static final String CHANNEL_RELATIVE = "RELATIVE";
}
