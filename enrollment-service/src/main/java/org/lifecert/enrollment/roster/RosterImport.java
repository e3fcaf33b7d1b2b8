package org.lifecert.enrollment.roster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One roster upload and its progress, updated after every committed batch. */
@Entity
@Table(name = "roster_import")
public class RosterImport extends PanacheEntityBase {

    public enum Status { RUNNING, COMPLETED, FAILED }

    @Id
    public UUID id;
    public String bureau;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "file_sha256")
    public String fileSha256;
    public String charset;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "rows_read")
    public int rowsRead;
    public int created;
    public int updated;
    public int unchanged;
    public int failed;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "finished_at")
    public Instant finishedAt;
    public String failure;
}
