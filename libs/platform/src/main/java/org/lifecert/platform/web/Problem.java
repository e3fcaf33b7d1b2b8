package org.lifecert.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** RFC 9457 problem details, with LifeCert's {@code code} and person-facing {@code message}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, String message,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
