package org.lifecert.enrollment.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A raw reference photo, kept only until {@code purgeAfter}; then {@code content} is erased, the row stays. */
@Entity
@Table(name = "reference_photo")
public class ReferencePhoto extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    public String bureau;
    @Column(name = "content_type")
    public String contentType;
    public byte[] content;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
    @Column(name = "purge_after")
    public Instant purgeAfter;
}
