package org.lifecert.notification.contact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.PersonUpdated;
import org.lifecert.events.RelativeLinked;
import org.lifecert.notification.config.NotificationConfig;
import org.lifecert.notification.plan.Channel;
import org.lifecert.notification.plan.Contact;

/** Who can be reached how: kept up to date from enrollment events and the preferences endpoint. */
@ApplicationScoped
public class ContactDirectory {

    public static final Set<String> LANGUAGES = Set.of("zh-CN", "en");

    private final EntityManager em;
    private final NotificationConfig config;

    public ContactDirectory(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enrolled(String bureau, PersonEnrolled p) {
        upsert(bureau, p.personId(), p.surname(), p.givenName(), p.phone(), p.email(), p.status());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void updated(String bureau, PersonUpdated p) {
        upsert(bureau, p.personId(), p.surname(), p.givenName(), p.phone(), p.email(), p.status());
    }

    private void upsert(String bureau, UUID personId, String surname, String givenName, String phone, String email,
            PersonStatus status) {
        PersonContact contact = row(personId, bureau);
        contact.bureau = bureau;
        contact.surname = surname;
        contact.givenName = givenName;
        contact.phone = phone;
        contact.email = email;
        contact.status = status == null ? PersonStatus.ACTIVE.name() : status.name();
        contact.updatedAt = Instant.now();
    }

    /**
     * The person's row, locked for this transaction; inserted first if missing. The event consumer and the preferences
     * endpoint may both meet a person for the first time at the same moment: {@code on conflict do nothing} makes the
     * second insert wait for the first and then do nothing, where find-then-persist made it fail on the primary key.
     */
    private PersonContact row(UUID personId, String bureauIfNew) {
        em.createNativeQuery("insert into person_contact (person_id, bureau, language, channels, status, updated_at) "
                + "values (?1, ?2, ?3, 'SMS,EMAIL,IN_APP', 'ACTIVE', now()) on conflict (person_id) do nothing")
                .setParameter(1, personId).setParameter(2, bureauIfNew == null ? "unknown" : bureauIfNew)
                .setParameter(3, config.defaultLanguage()).executeUpdate();
        return em.find(PersonContact.class, personId, LockModeType.PESSIMISTIC_WRITE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void linked(RelativeLinked link) {
        RelativeLink row = em.find(RelativeLink.class, link.linkId());
        boolean created = row == null;
        if (created) {
            row = new RelativeLink();
            row.linkId = link.linkId();
        }
        row.personId = link.personId();
        row.relativePersonId = link.relativePersonId();
        row.relationship = link.relationship();
        row.status = link.status();
        row.updatedAt = Instant.now();
        if (created) {
            em.persist(row);
        }
    }

    /** Sets language and channels; creates the row if enrollment has not told us about the person yet. */
    @Transactional
    public Contact choose(UUID personId, String bureauIfNew, String language, Set<Channel> channels) {
        PersonContact contact = row(personId, bureauIfNew);
        if (language != null) {
            contact.language = language;
        }
        if (channels != null) {
            contact.channels = channels.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        }
        contact.updatedAt = Instant.now();
        return toContact(contact);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Contact> find(UUID personId) {
        return Optional.ofNullable(em.find(PersonContact.class, personId)).map(ContactDirectory::toContact);
    }

    /** Relatives with an ACTIVE link to {@code personId}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> activeRelatives(UUID personId) {
        return em.createQuery("select l.relativePersonId from RelativeLink l where l.personId = :p and l.status = :s",
                UUID.class).setParameter("p", personId).setParameter("s", RelativeLinked.STATUS_ACTIVE).getResultList();
    }

    static Contact toContact(PersonContact c) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (c.channels != null) {
            Arrays.stream(c.channels.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(s -> channels.add(Channel.valueOf(s)));
        }
        String name = (c.surname == null ? "" : c.surname) + (c.givenName == null ? "" : c.givenName);
        return new Contact(c.personId, c.bureau, name.isBlank() ? null : name, c.phone, c.email, c.language,
                channels, c.status == null || PersonStatus.ACTIVE.name().equals(c.status));
    }
}
