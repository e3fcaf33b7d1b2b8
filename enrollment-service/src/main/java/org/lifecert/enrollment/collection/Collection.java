package org.lifecert.enrollment.collection;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One information collection (信息采集) of a person. PENDING until a reviewer decides; per the seed,
 * 审核通过视为本期认证成功 (appeal-service turns CollectionReviewed approved=true into certified).
 */
@Entity
@Table(name = "collection")
public class Collection extends PanacheEntityBase {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "person_id")
    public UUID personId;
    public String bureau;
    public String channel;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public Instant submittedAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String reviewer;
    public String reason;
    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
