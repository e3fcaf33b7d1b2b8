package org.lifecert.notification.plan;

import java.util.Set;
import java.util.UUID;

/**
 * How to reach a person: contact details from enrollment events, language and channels chosen by
 * the person. {@code phone} and {@code email} may be null.
 */
public record Contact(UUID personId, String bureau, String name, String phone, String email, String language,
        Set<Channel> channels, boolean active) {

    /** Someone we know nothing about yet: reachable in-app only (the gateway page after login). */
    public static Contact unknown(UUID personId, String bureau, String language) {
        return new Contact(personId, bureau, null, null, null, language, Set.of(Channel.IN_APP), true);
    }
}
