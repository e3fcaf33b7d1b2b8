package org.lifecert.notification.reminder;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lifecert.notification.config.NotificationConfig;

/**
 * How many days before the period end a bureau's reminders go (table {@code bureau_reminder_offsets},
 * set by the bureau's admin); bureaus without a row use {@code lifecert.notification.reminders.offsets}.
 * Read when a period opens, so a change applies to periods opened after it.
 */
@ApplicationScoped
public class ReminderOffsets {

    private final AgroalDataSource dataSource;
    private final NotificationConfig config;

    public ReminderOffsets(AgroalDataSource dataSource, NotificationConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The bureau's offsets, largest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Duration> of(String bureau) {
        return stored(bureau).map(days -> days.stream().map(Duration::ofDays).toList())
                .orElseGet(() -> config.reminders().offsets());
    }

    /** The bureau's offsets in days, largest first (configured ones when the bureau set none). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Integer> days(String bureau) {
        return of(bureau).stream().map(d -> (int) d.toDays()).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<List<Integer>> stored(String bureau) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select days from bureau_reminder_offsets where bureau = ?")) {
            s.setString(1, bureau);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(Arrays.stream(r.getString(1).split(",")).map(String::strip).map(Integer::valueOf).toList());
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores the bureau's offsets (already checked by {@link ReminderOffsetsForm}). */
    @Transactional
    public void set(String bureau, List<Integer> days, String actor) {
        String text = String.join(",", days.stream().map(String::valueOf).toList());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        insert into bureau_reminder_offsets (bureau, days, updated_at, updated_by) values (?, ?, now(), ?)
                        on conflict (bureau) do update set days = excluded.days, updated_at = now(),
                          updated_by = excluded.updated_by""")) {
            s.setString(1, bureau);
            s.setString(2, text);
            s.setString(3, actor);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
