package org.lifecert.platform.web;

/** One invalid input field and the message a person sees beside it. */
public record FieldError(String field, String message) {
}
