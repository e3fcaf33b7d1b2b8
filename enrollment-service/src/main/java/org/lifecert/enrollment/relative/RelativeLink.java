package org.lifecert.enrollment.relative;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * 亲情服务: {@code personId} may be certified by {@code relativePersonId} (RelativeLinked's meaning).
 * PENDING until the first proxy certification matches the person's face against their own template,
 * then ACTIVE; UNLINKED ends it (kept for the audit trail).
 */
@Entity
@Table(name = "relative_link")
public class RelativeLink extends PanacheEntityBase {
    @Id
    public UUID id;
    public String bureau;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "relative_person_id")
    public UUID relativePersonId;
    public String relationship;
    public String status;
    @Column(name = "document_photo")
    public byte[] documentPhoto;
    @Column(name = "document_purge_after")
    public Instant documentPurgeAfter;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
