package org.lifecert.enrollment.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Appends audit entries inside the caller's transaction: no change without its entry, no entry without its change. */
@ApplicationScoped
public class AuditTrail {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String bureau, String actor, String action, String targetType, UUID targetId, String detail) {
        AuditEntry e = new AuditEntry();
        e.id = UUID.randomUUID();
        e.bureau = bureau;
        e.actor = actor == null ? "system" : actor;
        e.action = action;
        e.targetType = targetType;
        e.targetId = targetId;
        e.detail = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        e.at = Instant.now();
        e.persist();
    }

    public List<AuditEntry> of(UUID targetId) {
        return AuditEntry.list("targetId = ?1 order by at", targetId);
    }
}
