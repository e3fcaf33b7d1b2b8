package org.lifecert.notification.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides who hears about a notice and how: the recipient on every channel they chose and we can
 * reach, relatives who certified by proxy likewise, and the bureau by webhook when it has one.
 * In-app always works (the gateway page shows it after login); SMS needs a phone, e-mail an address.
 * Deactivated people (deceased, ...) get nothing; their bureau still hears of every event.
 */
public final class DeliveryPlanner {

    private final String defaultLanguage;

    public DeliveryPlanner(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    /**
     * @param recipient   contact of the person the notice is about, if known
     * @param relatives   contacts of the relatives to tell ({@link Notice#relatives()}), unknown ones in-app only
     * @param bureauHook  whether the person's bureau has an enabled webhook endpoint
     */
    public List<PlannedDelivery> plan(Notice notice, Optional<Contact> recipient, List<Contact> relatives,
            boolean bureauHook) {
        List<PlannedDelivery> planned = new ArrayList<>();
        Contact person = recipient.orElse(Contact.unknown(notice.personId(), notice.bureau(), defaultLanguage));
        addPersonal(planned, Party.RECIPIENT, person);
        for (Contact relative : relatives) {
            if (!relative.personId().equals(notice.personId())) {
                addPersonal(planned, Party.RELATIVE, relative);
            }
        }
        if (bureauHook && notice.kind().forBureau()) {
            planned.add(new PlannedDelivery(Party.BUREAU, "bureau:" + notice.bureau(), Channel.WEBHOOK, "en", null,
                    null));
        }
        return planned;
    }

    private void addPersonal(List<PlannedDelivery> planned, Party party, Contact contact) {
        if (!contact.active()) {
            return;
        }
        String language = contact.language() == null ? defaultLanguage : contact.language();
        String id = contact.personId().toString();
        if (contact.channels().contains(Channel.SMS) && present(contact.phone())) {
            planned.add(new PlannedDelivery(party, id, Channel.SMS, language, contact.phone(), contact.name()));
        }
        if (contact.channels().contains(Channel.EMAIL) && present(contact.email())) {
            planned.add(new PlannedDelivery(party, id, Channel.EMAIL, language, contact.email(), contact.name()));
        }
        // In-app is where the gateway page shows results: kept even if the person left it out.
        planned.add(new PlannedDelivery(party, id, Channel.IN_APP, language, null, contact.name()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
