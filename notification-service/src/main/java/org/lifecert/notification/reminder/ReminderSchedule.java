package org.lifecert.notification.reminder;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.delivery.BureauSettings;

/**
 * The persisted reminder schedule. Rows are written when a period opens (CertificationDue), one per
 * offset of the person's bureau ({@link ReminderOffsets}: the bureau admin's, else the configured), and
 * cancelled when the person no longer needs them (certified, appeal opened, overdue).
 */
@ApplicationScoped
public class ReminderSchedule {

    public static final long SWEEP_LOCK = 0x4c43_4e6f_7469_6631L; // "LCNotif1": advisory lock of the sweep

    private final AgroalDataSource dataSource;
    private final NotificationConfig config;
    private final BureauSettings bureaus;
    private final ReminderOffsets offsets;

    public ReminderSchedule(AgroalDataSource dataSource, NotificationConfig config, BureauSettings bureaus,
            ReminderOffsets offsets) {
        this.dataSource = dataSource;
        this.config = config;
        this.bureaus = bureaus;
        this.offsets = offsets;
    }

    /** A reminder that is due. */
    public record DueReminder(UUID id, UUID personId, String period, String bureau, String offsetKey,
            LocalDate deadline) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public int periodOpened(UUID personId, String period, String bureau, LocalDate deadline, Instant now) {
        execute("""
                insert into certification_period (person_id, period, bureau, deadline) values (?, ?, ?, ?)
                on conflict (person_id, period) do update set deadline = excluded.deadline""",
                personId, period, bureau, Date.valueOf(deadline));
        int scheduled = 0;
        for (ReminderPlan.Slot slot : ReminderPlan.slots(deadline, offsets.of(bureau),
                config.reminders().timeOfDay(), bureaus.zone(bureau), now)) {
            scheduled += execute("""
                    insert into reminder (id, person_id, period, bureau, offset_key, due_at, deadline)
                    select ?, ?, ?, ?, ?, ?, ?
                    where not exists (select 1 from certification_period
                                      where person_id = ? and period = ? and certified)
                    on conflict (person_id, period, offset_key) do nothing""",
                    UUID.randomUUID(), personId, period, bureau, slot.offsetKey(), Timestamp.from(slot.dueAt()),
                    Date.valueOf(deadline), personId, period);
        }
        return scheduled;
    }

    /** The person is certified for the period: no more reminders for it, ever (also if CertificationDue comes later). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void certified(UUID personId, String period, String bureau, LocalDate fallbackDeadline) {
        execute("""
                insert into certification_period (person_id, period, bureau, deadline, certified)
                values (?, ?, ?, ?, true)
                on conflict (person_id, period) do update set certified = true""",
                personId, period, bureau, Date.valueOf(fallbackDeadline));
        cancel(personId, period);
    }

    /** Reminders of the period are pointless now (appeal opened, period closed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(UUID personId, String period) {
        execute("update reminder set status = 'CANCELLED' where person_id = ? and period = ? and status = 'SCHEDULED'",
                personId, period);
    }

    /**
     * Takes this replica's turn: false if another replica's sweep holds the advisory lock (held until
     * the caller's transaction ends).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryLock() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            s.setLong(1, SWEEP_LOCK);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Due reminders of people still not certified, locked for this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DueReminder> claimDue(Instant now, int limit) {
        String sql = """
                select r.id, r.person_id, r.period, r.bureau, r.offset_key, r.deadline
                from reminder r join certification_period p on p.person_id = r.person_id and p.period = r.period
                where r.status = 'SCHEDULED' and r.due_at <= ? and not p.certified
                order by r.due_at limit ?
                for update of r skip locked""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, limit);
            List<DueReminder> due = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    due.add(new DueReminder(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                            r.getString(4), r.getString(5), r.getDate(6).toLocalDate()));
                }
            }
            return due;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fired(UUID reminderId, Instant now) {
        execute("update reminder set status = 'FIRED', fired_at = ? where id = ?", Timestamp.from(now), reminderId);
    }

    /** Status of each reminder of a person's period (for tests and support). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> statuses(UUID personId, String period) {
        String sql = "select offset_key || ':' || status from reminder where person_id = ? and period = ? order by due_at";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, personId);
            s.setString(2, period);
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
