package org.lifecert.face;

import java.util.Objects;

/**
 * An image (or a face in it) that cannot be used: the code a person can act on, plus a technical detail for logs
 * (never shown to the person).
 */
public record Rejection(ReasonCode code, String detail) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        detail = detail == null ? "" : detail;
    }

    public static Rejection of(ReasonCode code, String detail) {
        return new Rejection(code, detail);
    }

    public String messageZh() {
        return code.messageZh();
    }

    public String messageEn() {
        return code.messageEn();
    }
}
