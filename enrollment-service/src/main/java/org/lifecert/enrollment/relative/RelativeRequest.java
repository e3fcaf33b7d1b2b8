package org.lifecert.enrollment.relative;

import java.util.UUID;

/**
 * A logged-in recipient ({@code relativePersonId}) adds a family member by ID number, name, relationship
 * and a photo of the member's identity document (亲情服务 steps 3-4 of the seed).
 */
public record RelativeRequest(UUID relativePersonId, String idNumber, String surname, String givenName,
        String relationship, String documentPhotoBase64) {
}
