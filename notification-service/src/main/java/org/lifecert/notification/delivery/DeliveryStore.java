package org.lifecert.notification.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lifecert.notification.plan.Channel;

/**
 * The delivery table, in plain SQL: the guarantees live in its statements. {@link #insert} relies on
 * the UNIQUE idempotency key (ON CONFLICT DO NOTHING); {@link #claim} takes due rows with
 * FOR UPDATE SKIP LOCKED and a lease, so replicas never send the same row at once and a row whose
 * sender died is claimed again when its lease runs out.
 */
@ApplicationScoped
public class DeliveryStore {

    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String DEAD = "DEAD";

    private static final String VIEW_COLUMNS = """
            id, event_id, event_type, kind, person_id, bureau, party, recipient_id, channel, language, subject, body,
            status, attempts, next_attempt_at, last_error, last_status_code, created_at, sent_at""";

    private final AgroalDataSource dataSource;

    public DeliveryStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the delivery unless its key exists; in-app deliveries are delivered by being stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean insert(NewDelivery d) {
        boolean inApp = d.channel() == Channel.IN_APP;
        String sql = """
                insert into delivery (id, idempotency_key, event_id, event_type, kind, person_id, bureau, party,
                  recipient_id, channel, language, address, subject, body, status, sent_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, d.id());
            s.setString(2, d.idempotencyKey());
            s.setString(3, d.eventId());
            s.setString(4, d.eventType());
            s.setString(5, d.kind().name());
            s.setObject(6, d.personId());
            s.setString(7, d.bureau());
            s.setString(8, d.party().name());
            s.setString(9, d.recipientId());
            s.setString(10, d.channel().name());
            s.setString(11, d.language());
            s.setString(12, d.address());
            s.setString(13, d.subject());
            s.setString(14, d.body());
            s.setString(15, inApp ? SENT : PENDING);
            if (inApp) {
                s.setTimestamp(16, Timestamp.from(Instant.now()));
            } else {
                s.setNull(16, Types.TIMESTAMP_WITH_TIMEZONE);
            }
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store delivery " + d.idempotencyKey(), e);
        }
    }

    /** Claims up to {@code limit} due deliveries of {@code channel} for {@code lease}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outgoing> claim(Channel channel, int limit, Duration lease) {
        String sql = """
                update delivery set lease_until = now() + make_interval(secs => ?)
                where id in (
                  select id from delivery
                  where channel = ? and status = 'PENDING' and next_attempt_at <= now()
                    and (lease_until is null or lease_until < now())
                  order by next_attempt_at
                  limit ?
                  for update skip locked)
                returning id, idempotency_key, event_type, bureau, recipient_id, channel, address, subject, body,
                  attempts""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setDouble(1, lease.toMillis() / 1000.0);
            s.setString(2, channel.name());
            s.setInt(3, limit);
            List<Outgoing> claimed = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    claimed.add(new Outgoing(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), Channel.valueOf(r.getString(6)), r.getString(7), r.getString(8),
                            r.getString(9), r.getInt(10)));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim " + channel + " deliveries", e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markSent(UUID id, int statusCode) {
        update("""
                update delivery set status = 'SENT', sent_at = now(), lease_until = null, last_status_code = ?,
                  last_error = null where id = ?""", statusCode, id);
    }

    /** A failed attempt: retry at {@code nextAttempt}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markFailed(UUID id, String error, Integer statusCode, Instant nextAttempt) {
        update("""
                update delivery set attempts = attempts + 1, last_error = ?, last_status_code = ?,
                  next_attempt_at = ?, lease_until = null where id = ?""",
                truncate(error), statusCode, Timestamp.from(nextAttempt), id);
    }

    /** The last attempt failed: the delivery is parked in the dead-letter table for admins. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markDead(UUID id, String error, Integer statusCode) {
        update("""
                update delivery set status = 'DEAD', attempts = attempts + 1, last_error = ?, last_status_code = ?,
                  lease_until = null where id = ?""", truncate(error), statusCode, id);
        update("""
                insert into dead_letter (id, delivery_id, bureau, channel, reason, attempts)
                select ?, id, bureau, channel, last_error, attempts from delivery where id = ?""",
                UUID.randomUUID(), id);
    }

    /** Not sent now, and not a failure (quiet hours, rate limit): try again at {@code until}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void defer(UUID id, Instant until, String why) {
        update("update delivery set next_attempt_at = ?, lease_until = null, last_error = ? where id = ?",
                Timestamp.from(until), truncate(why), id);
    }

    /** Sent deliveries of a recipient on a channel since {@code since}, oldest first (their sent times). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Instant> sentSince(String recipientId, Channel channel, Instant since) {
        String sql = """
                select sent_at from delivery where recipient_id = ? and channel = ? and status = 'SENT'
                  and sent_at >= ? order by sent_at""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, recipientId);
            s.setString(2, channel.name());
            s.setTimestamp(3, Timestamp.from(since));
            List<Instant> sent = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sent.add(r.getTimestamp(1).toInstant());
                }
            }
            return sent;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** In-app messages of a person (as recipient or as relative), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> inApp(UUID personId, int limit) {
        return query("select " + VIEW_COLUMNS + " from delivery where recipient_id = ? and channel = 'IN_APP'"
                + " order by created_at desc limit ?", personId.toString(), limit);
    }

    /** Webhook deliveries to a bureau, newest first, optionally of one status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> webhookLog(String bureau, String status, int limit) {
        if (status == null) {
            return query("select " + VIEW_COLUMNS + " from delivery where bureau = ? and channel = 'WEBHOOK'"
                    + " order by created_at desc limit ?", bureau, limit);
        }
        return query("select " + VIEW_COLUMNS + " from delivery where bureau = ? and channel = 'WEBHOOK'"
                + " and status = ? order by created_at desc limit ?", bureau, status, limit);
    }

    /** Deliveries of an event (all parties and channels). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> ofEvent(String eventId) {
        return query("select " + VIEW_COLUMNS + " from delivery where event_id = ? order by party, channel", eventId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryView> ofPerson(UUID personId) {
        return query("select " + VIEW_COLUMNS + " from delivery where person_id = ? order by created_at, party, channel",
                personId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeliveryView> find(UUID id) {
        return query("select " + VIEW_COLUMNS + " from delivery where id = ?", id).stream().findFirst();
    }

    /** Dead letters of a bureau (all bureaus when null), newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeadLetter> deadLetters(String bureau, int limit) {
        String sql = "select d.id, d.delivery_id, d.bureau, d.channel, d.reason, d.attempts, d.created_at,"
                + " d.retried_at, x.event_type, x.recipient_id from dead_letter d join delivery x on x.id = d.delivery_id"
                + (bureau == null ? "" : " where d.bureau = ?") + " order by d.created_at desc limit ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            if (bureau != null) {
                s.setString(i++, bureau);
            }
            s.setInt(i, limit);
            List<DeadLetter> letters = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    letters.add(new DeadLetter(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                            r.getString(4), r.getString(5), r.getInt(6), instant(r, 7), instant(r, 8),
                            r.getString(9), r.getString(10)));
                }
            }
            return letters;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts a dead-lettered delivery back in the queue with fresh attempts; false if unknown or already retried. */
    @Transactional
    public boolean retryDeadLetter(UUID deadLetterId, String bureau) {
        int marked = update("""
                update dead_letter set retried_at = now() where id = ? and retried_at is null
                  and (cast(? as varchar) is null or bureau = ?)""", deadLetterId, bureau, bureau);
        if (marked == 0) {
            return false;
        }
        update("""
                update delivery set status = 'PENDING', attempts = 0, next_attempt_at = now(), lease_until = null
                where id = (select delivery_id from dead_letter where id = ?) and status = 'DEAD'""", deadLetterId);
        return true;
    }

    private List<DeliveryView> query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<DeliveryView> views = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object code = r.getObject(17);
                    views.add(new DeliveryView(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                            r.getObject(5, UUID.class), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            r.getString(10), r.getString(11), r.getString(12), r.getString(13), r.getInt(14),
                            instant(r, 15), r.getString(16), code == null ? null : ((Number) code).intValue(),
                            instant(r, 18), instant(r, 19)));
                }
            }
            return views;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int update(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement s, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                s.setNull(i + 1, Types.NULL);
            } else if (p instanceof Integer n) {
                s.setInt(i + 1, n);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
