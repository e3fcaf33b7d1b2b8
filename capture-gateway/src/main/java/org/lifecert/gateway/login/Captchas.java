package org.lifecert.gateway.login;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lifecert.gateway.config.GatewayConfig;

/** Server-generated captchas: each one answers once (right or wrong) and expires. Kept in the database so any replica can check it. */
@ApplicationScoped
public class Captchas {

    public enum Outcome { RIGHT, WRONG, EXPIRED_OR_USED }

    public record Issued(UUID captchaId, byte[] png, Instant expiresAt) {
    }

    private final EntityManager em;
    private final GatewayConfig config;
    private final CaptchaImage image = new CaptchaImage();

    public Captchas(EntityManager em, GatewayConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional
    public Issued issue() {
        String text = image.text(config.captcha().length());
        UUID id = UUID.randomUUID();
        Instant expires = Instant.now().plus(config.captcha().ttl());
        em.createNativeQuery("insert into captcha (captcha_id, answer, expires_at) values (:id, :answer, :expires)")
                .setParameter("id", id).setParameter("answer", text).setParameter("expires", expires).executeUpdate();
        return new Issued(id, image.png(text), expires);
    }

    /** Consumes the captcha whatever the answer: a second try needs a new image. */
    @Transactional
    public Outcome check(UUID captchaId, String answer) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "delete from captcha where captcha_id = :id returning answer, expires_at")
                .setParameter("id", captchaId).getResultList();
        if (rows.isEmpty()) {
            return Outcome.EXPIRED_OR_USED;
        }
        Instant expires = toInstant(rows.get(0)[1]);
        if (!Instant.now().isBefore(expires)) {
            return Outcome.EXPIRED_OR_USED;
        }
        String expected = (String) rows.get(0)[0];
        return answer != null && expected.equalsIgnoreCase(answer.trim()) ? Outcome.RIGHT : Outcome.WRONG;
    }

    /** The answer of a live captcha: for the browser test, which cannot read the image. */
    @Transactional
    public String answerOf(UUID captchaId) {
        return (String) em.createNativeQuery("select answer from captcha where captcha_id = :id")
                .setParameter("id", captchaId).getSingleResult();
    }

    @Transactional
    public int deleteExpired() {
        return em.createNativeQuery("delete from captcha where expires_at < now()").executeUpdate();
    }

    public static Instant toInstant(Object value) {
        return org.lifecert.gateway.web.Timestamps.instant(value);
    }
}
