package org.lifecert.gateway.person;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The gateway's own projection of enrollment events: who can log in (by ID-number hash) and who may
 * certify for whom (亲情服务). Only masked names are kept.
 */
@ApplicationScoped
public class PersonDirectory {

    public record Person(UUID personId, String idNumberHash, String idMasked, String bureau, String displayName,
            String status) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public record Relative(UUID linkId, UUID personId, String displayName, String relationship, String status) {
    }

    private final EntityManager em;

    public PersonDirectory(EntityManager em) {
        this.em = em;
    }

    /** Surname kept, given name masked: 张*, 欧阳** . */
    public static String maskedName(String surname, String givenName) {
        return (surname == null ? "" : surname) + "*".repeat(givenName == null ? 1 : Math.max(1, givenName.length()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(UUID personId, String idNumberHash, String idMasked, String bureau, String surname,
            String givenName, String status) {
        em.createNativeQuery("""
                insert into person (person_id, id_number_hash, id_masked, bureau, surname, given_name, status, updated_at)
                values (:id, :hash, :masked, :bureau, :surname, :given, :status, now())
                on conflict (person_id) do update set id_number_hash = excluded.id_number_hash,
                  id_masked = excluded.id_masked, bureau = excluded.bureau, surname = excluded.surname,
                  given_name = excluded.given_name, status = excluded.status, updated_at = now()""")
                .setParameter("id", personId).setParameter("hash", idNumberHash).setParameter("masked", idMasked)
                .setParameter("bureau", bureau).setParameter("surname", surname)
                .setParameter("given", "*".repeat(givenName == null ? 1 : Math.max(1, givenName.length())))
                .setParameter("status", status).executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void link(UUID linkId, UUID personId, UUID relativePersonId, String relationship, String status) {
        em.createNativeQuery("""
                insert into relative_link (link_id, person_id, relative_person_id, relationship, status, updated_at)
                values (:link, :person, :relative, :relationship, :status, now())
                on conflict (link_id) do update set status = excluded.status, relationship = excluded.relationship,
                  updated_at = now()""")
                .setParameter("link", linkId).setParameter("person", personId).setParameter("relative", relativePersonId)
                .setParameter("relationship", relationship).setParameter("status", status).executeUpdate();
    }

    @Transactional
    public Optional<Person> byIdNumberHash(String hash) {
        return first(em.createNativeQuery("""
                select person_id, id_number_hash, id_masked, bureau, surname || given_name, status
                from person where id_number_hash = :hash""").setParameter("hash", hash).getResultList());
    }

    @Transactional
    public Optional<Person> byId(UUID personId) {
        return first(em.createNativeQuery("""
                select person_id, id_number_hash, id_masked, bureau, surname || given_name, status
                from person where person_id = :id""").setParameter("id", personId).getResultList());
    }

    /** Family members {@code relativePersonId} may certify for: links ACTIVE or PENDING. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Relative> relativesOf(UUID relativePersonId) {
        List<Object[]> rows = em.createNativeQuery("""
                select l.link_id, l.person_id, coalesce(p.surname || p.given_name, '***'), l.relationship, l.status
                from relative_link l left join person p on p.person_id = l.person_id
                where l.relative_person_id = :relative and l.status in ('ACTIVE', 'PENDING')
                order by l.updated_at""").setParameter("relative", relativePersonId).getResultList();
        return rows.stream().map(r -> new Relative((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Person> first(List<?> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Person((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]));
    }
}
