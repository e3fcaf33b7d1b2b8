package org.lifecert.notification.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Contact details (from enrollment events) and choices (language, channels) of one person. */
@Entity
@Table(name = "person_contact")
public class PersonContact {

    @Id
    @Column(name = "person_id")
    public UUID personId;

    public String bureau;
    public String surname;
    @Column(name = "given_name")
    public String givenName;
    public String phone;
    public String email;
    public String language;
    /** Comma-separated channel names. */
    public String channels;
    public String status;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
