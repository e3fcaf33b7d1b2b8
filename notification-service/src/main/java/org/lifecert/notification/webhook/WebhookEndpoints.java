package org.lifecert.notification.webhook;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.platform.pii.TemplateCipher;
import java.nio.charset.StandardCharsets;

/**
 * Webhook endpoints and secrets per bureau. Secrets are random 256-bit values, shown once, and
 * stored sealed with the platform's AES-256-GCM key ({@code lifecert.pii.template-key*}), so a
 * database dump alone does not let anyone forge webhooks.
 */
@ApplicationScoped
public class WebhookEndpoints {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource dataSource;
    private final NotificationConfig config;
    private final TemplateCipher cipher;

    public WebhookEndpoints(AgroalDataSource dataSource, NotificationConfig config, TemplateCipher cipher) {
        this.dataSource = dataSource;
        this.config = config;
        this.cipher = cipher;
    }

    String seal(String secret) {
        return cipher.seal(secret.getBytes(StandardCharsets.UTF_8)).text();
    }

    String open(String stored) {
        if (stored == null) {
            return null;
        }
        return new String(cipher.open(TemplateCipher.Sealed.parse(stored)), StandardCharsets.UTF_8);
    }

    /** Result of a change that issued a secret: the caller shows it once. */
    public record Issued(WebhookEndpoint endpoint, String secret) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<WebhookEndpoint> find(String bureau) {
        String sql = """
                select bureau, url, secret, previous_secret, previous_valid_until, enabled, updated_at
                from bureau_webhook where bureau = ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, bureau);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Timestamp grace = r.getTimestamp(5);
                return Optional.of(new WebhookEndpoint(r.getString(1), r.getString(2), open(r.getString(3)),
                        open(r.getString(4)),
                        grace == null ? null : grace.toInstant(), r.getBoolean(6), r.getTimestamp(7).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean enabled(String bureau) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select enabled from bureau_webhook where bureau = ?")) {
            s.setString(1, bureau);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates the bureau's endpoint (with a new secret, returned) or changes its URL and switch
     * (secret kept, not returned). Two first registrations at once (a double click): the insert of the
     * second waits for the first's and then does nothing, and the second becomes a change of URL.
     */
    @Transactional
    public Issued register(String bureau, String url, boolean enabled) {
        String secret = newSecret();
        if (execute("insert into bureau_webhook (bureau, url, secret, enabled) values (?, ?, ?, ?) "
                + "on conflict (bureau) do nothing", bureau, url, seal(secret), enabled) == 1) {
            return new Issued(find(bureau).orElseThrow(), secret);
        }
        execute("update bureau_webhook set url = ?, enabled = ?, updated_at = now() where bureau = ?", url, enabled, bureau);
        return new Issued(find(bureau).orElseThrow(), null);
    }

    /** A new secret; the old one keeps signing (second signature) for the configured grace period. */
    @Transactional
    public Optional<Issued> rotate(String bureau) {
        if (find(bureau).isEmpty()) {
            return Optional.empty();
        }
        String secret = newSecret();
        Instant graceEnd = Instant.now().plus(config.webhook().rotationGrace());
        execute("""
                update bureau_webhook set previous_secret = secret, previous_valid_until = ?, secret = ?,
                  updated_at = now() where bureau = ?""", Timestamp.from(graceEnd), seal(secret), bureau);
        return Optional.of(new Issued(find(bureau).orElseThrow(), secret));
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

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
