package org.lifecert.notification.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A 亲情服务 link: {@code relativePersonId} may certify for {@code personId}. */
@Entity
@Table(name = "relative_link")
public class RelativeLink {

    @Id
    @Column(name = "link_id")
    public UUID linkId;

    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "relative_person_id")
    public UUID relativePersonId;

    public String relationship;
    public String status;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
