package org.lifecert.face;

import java.util.Map;
import java.util.Optional;

/**
 * Enrollment outcome: the template built from the acceptable images (absent when none was), and for each rejected
 * image (by its index in the request) the reason.
 */
public record TemplateResult(Optional<FaceTemplate> template, Map<Integer, Rejection> rejections) {
    public TemplateResult {
        rejections = Map.copyOf(rejections);
    }

    /** Every image gave exactly one acceptable face. */
    public boolean allAccepted() {
        return template.isPresent() && rejections.isEmpty();
    }
}
