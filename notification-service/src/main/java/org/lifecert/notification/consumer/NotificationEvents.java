package org.lifecert.notification.consumer;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifecert.events.AppealDecided;
import org.lifecert.events.AppealOpened;
import org.lifecert.events.AttemptFailed;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.CertificationOverdue;
import org.lifecert.events.CertificationRestored;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.events.PersonCertified;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonUpdated;
import org.lifecert.events.RelativeLinked;
import org.lifecert.events.Topics;
import org.lifecert.messaging.consumer.EventConsumers;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.contact.ContactDirectory;
import org.lifecert.notification.plan.MessageKind;
import org.lifecert.notification.plan.Notice;
import org.lifecert.notification.reminder.ReminderSchedule;

/**
 * Consumes certification and enrollment events. Thin: the shared consumer loop runs {@link #handle}
 * in one transaction with the inbox row, so an event plans its deliveries once; the idempotency key
 * of each delivery guards the same again at row level.
 */
@ApplicationScoped
public class NotificationEvents {

    private final EventConsumers consumers;
    private final NotificationConfig config;
    private final ContactDirectory contacts;
    private final ReminderSchedule reminders;
    private final NoticeService notices;

    public NotificationEvents(EventConsumers consumers, NotificationConfig config, ContactDirectory contacts,
            ReminderSchedule reminders, NoticeService notices) {
        this.consumers = consumers;
        this.config = config;
        this.contacts = contacts;
        this.reminders = reminders;
        this.notices = notices;
    }

    void onStart(@Observes StartupEvent event) {
        consumers.start(config.consumerGroup(), List.of(Topics.CERTIFICATION, Topics.ENROLLMENT),
                config.consumerThreads(), this::handle);
    }

    /** Applies one event; called inside the consumer's transaction. */
    public void handle(Envelope<? extends EventData> event) {
        String bureau = event.bureau();
        Instant now = Instant.now();
        EventData data = event.data();
        if (data instanceof PersonEnrolled p) {
            contacts.enrolled(bureau, p);
        } else if (data instanceof PersonUpdated p) {
            contacts.updated(bureau, p);
        } else if (data instanceof RelativeLinked link) {
            contacts.linked(link);
        } else if (data instanceof CertificationDue due) {
            reminders.periodOpened(due.personId(), due.period(), bureau, due.deadline(), now);
            notify(event, MessageKind.DUE, due.personId(),
                    values("period", due.period(), "deadline", due.deadline()), List.of());
        } else if (data instanceof PersonCertified certified) {
            reminders.certified(certified.personId(), certified.period(), bureau,
                    LocalDate.ofInstant(certified.certifiedAt() == null ? now : certified.certifiedAt(), ZoneOffset.UTC));
            List<UUID> relatives = certified.channel() == CertificationChannel.RELATIVE
                    && certified.actingPersonId() != null ? List.of(certified.actingPersonId()) : List.of();
            notify(event, MessageKind.CERTIFIED, certified.personId(), values("period", certified.period(),
                    "nextPeriodStart", certified.nextPeriodStart(), "channel", certified.channel()), relatives);
        } else if (data instanceof AttemptFailed failed) {
            List<UUID> relatives = failed.channel() == CertificationChannel.RELATIVE
                    ? contacts.activeRelatives(failed.personId()) : List.of();
            notify(event, MessageKind.ATTEMPT_FAILED, failed.personId(), values("period", failed.period(),
                    "attemptNumber", failed.attemptNumber()), relatives);
        } else if (data instanceof AppealOpened opened) {
            reminders.cancel(opened.personId(), opened.period());
            notify(event, MessageKind.APPEAL_OPENED, opened.personId(),
                    values("period", opened.period(), "dueDate", opened.dueDate()), List.of());
        } else if (data instanceof AppealDecided decided) {
            if (decided.approved()) {
                reminders.certified(decided.personId(), decided.period(), bureau,
                        LocalDate.ofInstant(decided.decidedAt() == null ? now : decided.decidedAt(), ZoneOffset.UTC));
            }
            notify(event, MessageKind.APPEAL_DECIDED, decided.personId(), values("period", decided.period(),
                    "approved", decided.approved(), "reason", decided.reason()), List.of());
        } else if (data instanceof CertificationOverdue overdue) {
            reminders.cancel(overdue.personId(), overdue.period());
            notify(event, MessageKind.OVERDUE, overdue.personId(),
                    values("period", overdue.period(), "deadline", overdue.deadline()), List.of());
        } else if (data instanceof CertificationRestored restored) {
            notify(event, MessageKind.RESTORED, restored.personId(),
                    values("period", restored.period(), "monthsMissed", restored.monthsMissed()), List.of());
        }
        // other event types: nothing to tell anyone
    }

    private void notify(Envelope<? extends EventData> event, MessageKind kind, UUID personId, Map<String, Object> values,
            List<UUID> relatives) {
        notices.notify(new Notice(event.id().toString(), event.type(), kind, personId, event.bureau(), values, relatives),
                EventCodec.shared().encode(event));
    }

    /** Template values; null values become "" so templates can test them with {#if}. */
    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return values;
    }
}
