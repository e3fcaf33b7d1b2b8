package org.lifecert.facematch.template;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lifecert.face.FaceTemplate;
import org.lifecert.platform.pii.TemplateCipher;

/**
 * A person's reference templates, kept sealed as enrollment sent them (or sealed here when refreshed) and opened
 * only to compare. Every change is written to template_audit in the same transaction.
 */
@ApplicationScoped
public class TemplateStore {

    private final EntityManager em;
    private final TemplateCipher cipher;

    public TemplateStore(EntityManager em, TemplateCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    /** Stores a template; false when it was already stored (redelivery). Fails if it cannot be opened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean register(UUID templateId, UUID personId, String modelVersion, String keyId, String sealed,
                            int photoCount, double quality, String origin, UUID sessionId, String actor) {
        // opening it now rejects a template sealed with an unknown key or altered on the way (to the DLQ)
        FaceTemplate.fromBytes(cipher.open(new TemplateCipher.Sealed(keyId, sealed)));
        int inserted = em.createNativeQuery("""
                insert into reference_template (template_id, person_id, model_version, key_id, encrypted_template,
                photo_count, quality, origin, session_id) values (:t, :p, :m, :k, :e, :c, :q, :o, :s)
                on conflict do nothing""")
                .setParameter("t", templateId).setParameter("p", personId).setParameter("m", modelVersion)
                .setParameter("k", keyId).setParameter("e", sealed).setParameter("c", photoCount)
                .setParameter("q", quality).setParameter("o", origin).setParameter("s", sessionId).executeUpdate();
        if (inserted == 1) {
            audit(personId, templateId, "REFRESH".equals(origin) ? "REFRESHED" : "REGISTERED", sessionId, actor,
                    origin + " model " + modelVersion);
        }
        return inserted == 1;
    }

    /** All templates of the person, opened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FaceTemplate> templatesOf(UUID personId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select key_id, encrypted_template from reference_template where person_id = :p order by created_at""")
                .setParameter("p", personId).getResultList();
        List<FaceTemplate> out = new ArrayList<>();
        for (Object[] row : rows) {
            out.add(FaceTemplate.fromBytes(cipher.open(new TemplateCipher.Sealed((String) row[0], (String) row[1]))));
        }
        return out;
    }

    /** Keeps the newest {@code keep} refreshed templates of the person; enrolled ones are never retired here. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retireOldRefreshes(UUID personId, int keep, String actor) {
        @SuppressWarnings("unchecked")
        List<UUID> old = em.createNativeQuery("""
                select template_id from reference_template where person_id = :p and origin = 'REFRESH'
                order by created_at desc offset :keep""").setParameter("p", personId).setParameter("keep", keep)
                .getResultList();
        for (UUID id : old) {
            em.createNativeQuery("delete from reference_template where template_id = :t").setParameter("t", id)
                    .executeUpdate();
            audit(personId, id, "RETIRED", null, actor, "more than " + keep + " refreshed templates");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void audit(UUID personId, UUID templateId, String action, UUID sessionId, String actor, String detail) {
        em.createNativeQuery("""
                insert into template_audit (person_id, template_id, action, session_id, actor, detail)
                values (:p, :t, :a, :s, :actor, :d)""")
                .setParameter("p", personId).setParameter("t", templateId).setParameter("a", action)
                .setParameter("s", sessionId).setParameter("actor", actor).setParameter("d", detail).executeUpdate();
    }

    /** A person's templates (without biometric data) and audit trail, for the internal API. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Object> describe(UUID personId) {
        List<Object[]> templates = em.createNativeQuery("""
                select template_id, model_version, origin, photo_count, quality, session_id, created_at
                from reference_template where person_id = :p order by created_at""").setParameter("p", personId)
                .getResultList();
        List<Object[]> audit = em.createNativeQuery("""
                select template_id, action, session_id, actor, detail, at from template_audit where person_id = :p
                order by id""").setParameter("p", personId).getResultList();
        return Map.of(
                "personId", personId,
                "templates", templates.stream().map(r -> Map.of("templateId", r[0], "modelVersion", r[1], "origin", r[2],
                        "photoCount", r[3], "quality", r[4], "sessionId", String.valueOf(r[5]),
                        "createdAt", String.valueOf(r[6]))).toList(),
                "audit", audit.stream().map(r -> Map.of("templateId", r[0], "action", r[1],
                        "sessionId", String.valueOf(r[2]), "actor", r[3], "detail", String.valueOf(r[4]),
                        "at", String.valueOf(r[5]))).toList());
    }
}
