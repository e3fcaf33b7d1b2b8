package org.lifecert.notification.plan;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Where a message goes. SMS, e-mail and in-app reach people; webhooks reach bureaus. */
public enum Channel {
    SMS, EMAIL, IN_APP, WEBHOOK;

    /** The channels a person may choose among. */
    public static final Set<Channel> PERSONAL = EnumSet.of(SMS, EMAIL, IN_APP);

    /** Template file part, e.g. {@code sms}, {@code email}, {@code inapp}. */
    public String templatePart() {
        return name().toLowerCase(Locale.ROOT).replace("_", "");
    }
}
