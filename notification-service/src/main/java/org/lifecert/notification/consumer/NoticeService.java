package org.lifecert.notification.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.contact.ContactDirectory;
import org.lifecert.notification.delivery.DeliveryStore;
import org.lifecert.notification.delivery.NewDelivery;
import org.lifecert.notification.plan.Channel;
import org.lifecert.notification.plan.Contact;
import org.lifecert.notification.plan.DeliveryPlanner;
import org.lifecert.notification.plan.Notice;
import org.lifecert.notification.plan.Party;
import org.lifecert.notification.plan.PlannedDelivery;
import org.lifecert.notification.template.MessageRenderer;
import org.lifecert.notification.template.RenderedMessage;
import org.lifecert.notification.webhook.WebhookEndpoints;

/**
 * Turns a notice into stored deliveries: plan (who, which channel, which language), render, store
 * with the idempotency key, all in the caller's transaction (the consumer's, with its inbox row, or
 * the reminder sweep's, with the reminder's FIRED mark).
 */
@ApplicationScoped
public class NoticeService {

    private final ContactDirectory contacts;
    private final WebhookEndpoints webhooks;
    private final MessageRenderer renderer;
    private final DeliveryStore deliveries;
    private final DeliveryPlanner planner;

    public NoticeService(ContactDirectory contacts, WebhookEndpoints webhooks, MessageRenderer renderer,
            DeliveryStore deliveries, NotificationConfig config) {
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.renderer = renderer;
        this.deliveries = deliveries;
        this.planner = new DeliveryPlanner(config.defaultLanguage());
    }

    /**
     * @param webhookBody the event envelope as JSON, sent to the bureau; null for notices that are not events
     * @return the number of new deliveries (0 when the notice was planned before)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int notify(Notice notice, String webhookBody) {
        Optional<Contact> recipient = contacts.find(notice.personId());
        List<Contact> relatives = new ArrayList<>();
        for (UUID relative : notice.relatives()) {
            relatives.add(contacts.find(relative).orElseGet(() -> Contact.unknown(relative, notice.bureau(), null)));
        }
        boolean hook = webhookBody != null && webhooks.enabled(notice.bureau());
        String name = recipient.map(Contact::name).orElse(null);
        int stored = 0;
        for (PlannedDelivery planned : planner.plan(notice, recipient, relatives, hook)) {
            String subject;
            String body;
            if (planned.channel() == Channel.WEBHOOK) {
                subject = notice.eventType();
                body = webhookBody;
            } else {
                Map<String, Object> values = new HashMap<>(notice.values());
                values.put("name", name == null ? "" : name);
                values.put("forRelative", planned.party() == Party.RELATIVE);
                RenderedMessage message = renderer.render(notice.kind(), planned.channel(), planned.language(), values);
                subject = message.subject();
                body = message.body();
            }
            boolean inserted = deliveries.insert(new NewDelivery(UUID.randomUUID(), planned.idempotencyKey(notice.eventId()),
                    notice.eventId(), notice.eventType(), notice.kind(), notice.personId(), notice.bureau(),
                    planned.party(), planned.recipientId(), planned.channel(), planned.language(), planned.address(),
                    subject, body));
            if (inserted) {
                stored++;
            }
        }
        return stored;
    }
}
