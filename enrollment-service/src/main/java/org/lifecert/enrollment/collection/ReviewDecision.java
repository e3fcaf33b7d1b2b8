package org.lifecert.enrollment.collection;

/** A reviewer's decision; {@code reason} is mandatory when {@code approved} is false. */
public record ReviewDecision(Boolean approved, String reason) {
}
