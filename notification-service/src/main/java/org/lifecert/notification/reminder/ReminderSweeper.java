package org.lifecert.notification.reminder;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.consumer.NoticeService;
import org.lifecert.notification.delivery.BureauSettings;
import org.lifecert.notification.plan.MessageKind;
import org.lifecert.notification.plan.Notice;

/**
 * Fires due reminders. One transaction per batch holds the PostgreSQL advisory lock, locks the rows
 * (SKIP LOCKED), stores the deliveries and marks the rows FIRED: a crash rolls all of it back, a
 * restart picks the rows up again, and concurrent replicas never fire a row twice.
 */
@ApplicationScoped
public class ReminderSweeper {

    private static final Logger LOG = Logger.getLogger(ReminderSweeper.class);

    private final ReminderSchedule schedule;
    private final NoticeService notices;
    private final BureauSettings bureaus;
    private final NotificationConfig.Reminders config;

    public ReminderSweeper(ReminderSchedule schedule, NoticeService notices, BureauSettings bureaus,
            NotificationConfig config) {
        this.schedule = schedule;
        this.notices = notices;
        this.bureaus = bureaus;
        this.config = config.reminders();
    }

    @Scheduled(identity = "reminder-sweep", every = "${lifecert.notification.reminders.sweep-every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onTimer() {
        try {
            sweep(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("reminder sweep failed, next timer retries: %s", e.getMessage());
        }
    }

    /** Fires every reminder due at {@code now}; returns how many fired here (0 if another replica sweeps). */
    public int sweep(Instant now) {
        int fired = 0;
        while (true) {
            int batch = QuarkusTransaction.requiringNew().call(() -> {
                if (!schedule.tryLock()) {
                    return -1;
                }
                List<ReminderSchedule.DueReminder> due = schedule.claimDue(now, config.batchSize());
                for (ReminderSchedule.DueReminder reminder : due) {
                    LocalDate today = now.atZone(bureaus.zone(reminder.bureau())).toLocalDate();
                    long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, reminder.deadline()));
                    notices.notify(new Notice("reminder:" + reminder.id(), "Reminder", MessageKind.REMINDER,
                            reminder.personId(), reminder.bureau(), Map.of("period", reminder.period(),
                                    "deadline", reminder.deadline(), "daysLeft", daysLeft), List.of()), null);
                    schedule.fired(reminder.id(), now);
                }
                return due.size();
            });
            if (batch <= 0) {
                return fired;
            }
            fired += batch;
            if (batch < config.batchSize()) {
                return fired;
            }
        }
    }
}
