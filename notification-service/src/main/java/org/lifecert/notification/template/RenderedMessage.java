package org.lifecert.notification.template;

/** Rendered text: {@code subject} is the e-mail subject or in-app title (null for SMS). */
public record RenderedMessage(String subject, String body) {
}
