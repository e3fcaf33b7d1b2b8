package org.lifecert.enrollment.photo;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person's face template, sealed with AES-256-GCM; the key id is kept for rotation. One active per person. */
@Entity
@Table(name = "face_template")
public class StoredTemplate extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    public String bureau;
    @Column(name = "model_version")
    public String modelVersion;
    @Column(name = "key_id")
    public String keyId;
    public String sealed;
    @Column(name = "photo_count")
    public int photoCount;
    public double quality;
    public boolean active;
    @Column(name = "created_at")
    public Instant createdAt;
}
