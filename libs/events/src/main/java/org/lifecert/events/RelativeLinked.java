package org.lifecert.events;

import java.util.UUID;

/**
 * A relative link (亲情服务) changed.
 *
 * @param personId         the family member who is certified
 * @param relativePersonId the account that certifies for them
 * @param status           PENDING, ACTIVE or UNLINKED
 */
public record RelativeLinked(UUID linkId, UUID personId, UUID relativePersonId, String relationship, String status)
        implements EventData {

    public static final String TYPE = "RelativeLinked";

    public static final String STATUS_PENDING = "PENDING";
    public static final String STATUS_ACTIVE = "ACTIVE";
    public static final String STATUS_UNLINKED = "UNLINKED";
}
