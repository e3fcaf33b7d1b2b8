package org.lifecert.gateway.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.sql.Timestamp;

/** Native-query timestamp columns arrive as Instant, OffsetDateTime or Timestamp depending on the driver path. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
