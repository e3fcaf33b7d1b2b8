package org.lifecert.notification.delivery;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.ZoneId;
import org.lifecert.notification.config.NotificationConfig;

/** Per-bureau time zone and SMS quiet hours; bureaus without a row use the configured defaults. */
@ApplicationScoped
public class BureauSettings {

    private final AgroalDataSource dataSource;
    private final NotificationConfig config;

    public BureauSettings(AgroalDataSource dataSource, NotificationConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuietHours quietHours(String bureau) {
        NotificationConfig.QuietHours defaults = config.quietHours();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select zone, quiet_start, quiet_end from bureau_settings where bureau = ?")) {
            s.setString(1, bureau);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    ZoneId zone = ZoneId.of(r.getString(1));
                    if (r.getTime(2) == null || r.getTime(3) == null) {
                        return new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, zone);
                    }
                    return new QuietHours(r.getObject(2, LocalTime.class), r.getObject(3, LocalTime.class), zone);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new QuietHours(defaults.start(), defaults.end(), ZoneId.of(defaults.zone()));
    }

    public ZoneId zone(String bureau) {
        return quietHours(bureau).zone();
    }

    /** Sets a bureau's zone and quiet hours (start == end: none). */
    @Transactional
    public QuietHours set(String bureau, LocalTime start, LocalTime end, ZoneId zone) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("""
                        insert into bureau_settings (bureau, zone, quiet_start, quiet_end) values (?, ?, ?, ?)
                        on conflict (bureau) do update set zone = excluded.zone, quiet_start = excluded.quiet_start,
                          quiet_end = excluded.quiet_end""")) {
            s.setString(1, bureau);
            s.setString(2, zone.getId());
            s.setObject(3, start);
            s.setObject(4, end);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new QuietHours(start, end, zone);
    }
}
