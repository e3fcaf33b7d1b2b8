package org.lifecert.enrollment.relative;

import java.util.UUID;

/** The contract shape of GET /internal/v1/relatives: a family member the caller may certify. */
public record RelativeView(UUID linkId, UUID personId, String name, String status) {
}
