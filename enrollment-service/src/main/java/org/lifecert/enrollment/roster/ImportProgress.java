package org.lifecert.enrollment.roster;

import java.time.Instant;
import java.util.UUID;

/** What the progress endpoint shows while an import runs and after it ends. */
public record ImportProgress(UUID importId, String status, String fileName, String charset, int rowsRead, int created,
        int updated, int unchanged, int failed, Instant startedAt, Instant finishedAt, String failure) {

    public static ImportProgress of(RosterImport i) {
        return new ImportProgress(i.id, i.status.name(), i.fileName, i.charset, i.rowsRead, i.created, i.updated,
                i.unchanged, i.failed, i.startedAt, i.finishedAt, i.failure);
    }
}
