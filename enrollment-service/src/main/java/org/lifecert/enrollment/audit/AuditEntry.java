package org.lifecert.enrollment.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Who did what to which record, and when; written in the transaction of the change. Never holds an ID number. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {
    @Id
    public UUID id;
    public String bureau;
    public String actor;
    public String action;
    @Column(name = "target_type")
    public String targetType;
    @Column(name = "target_id")
    public UUID targetId;
    public String detail;
    public Instant at;
}
