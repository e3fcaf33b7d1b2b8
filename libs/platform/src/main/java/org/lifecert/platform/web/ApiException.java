package org.lifecert.platform.web;

import java.util.List;

/**
 * A refusal the caller can act on; rendered as RFC 9457 problem details by {@link ProblemMapper}.
 * {@code message} is for a person (Chinese where the person is a recipient, the seeds' own words
 * where they exist); {@code detail} is for the integrating developer.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String personMessage;
    private final List<FieldError> errors;

    public ApiException(int status, String code, String personMessage, String detail, List<FieldError> errors) {
        super(detail == null ? personMessage : detail);
        this.status = status;
        this.code = code;
        this.personMessage = personMessage;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ApiException(int status, String code, String personMessage, String detail) {
        this(status, code, personMessage, detail, List.of());
    }

    /** 400 with one entry per invalid field; the first field's message is the headline. */
    public static ApiException invalid(List<FieldError> errors) {
        String headline = errors.isEmpty() ? "请求内容不正确" : errors.get(0).message();
        return new ApiException(400, "VALIDATION_FAILED", headline, errors.size() + " field(s) invalid", errors);
    }

    public static ApiException badRequest(String code, String personMessage, String detail) {
        return new ApiException(400, code, personMessage, detail);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", "未找到相关信息", what + " not found");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "FORBIDDEN", "您没有权限进行此操作", detail);
    }

    public static ApiException conflict(String code, String personMessage, String detail) {
        return new ApiException(409, code, personMessage, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String personMessage() {
        return personMessage;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
