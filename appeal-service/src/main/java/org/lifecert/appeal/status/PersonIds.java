package org.lifecert.appeal.status;

import java.util.List;
import java.util.UUID;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** Path ids are UUIDs; anything else is a 400, never a 500. */
public final class PersonIds {

    private PersonIds() {
    }

    public static UUID parse(String value) {
        return parse(value, "personId");
    }

    public static UUID parse(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ApiException.invalid(List.of(new FieldError(field, "编号格式不正确")));
        }
    }
}
