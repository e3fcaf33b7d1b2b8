package org.lifecert.enrollment.photo;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.lifecert.enrollment.relative.RelativeService;

/** Erases raw reference photos and relatives' document photos once their configured retention has passed. */
@ApplicationScoped
public class PhotoRetention {

    private static final Logger LOG = Logger.getLogger(PhotoRetention.class);

    private final RelativeService relatives;

    public PhotoRetention(RelativeService relatives) {
        this.relatives = relatives;
    }

    @Scheduled(every = "${lifecert.enrollment.photos.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(Instant.now());
    }

    /** Returns how many photos were erased. */
    @Transactional
    public int purge(Instant now) {
        int photos = ReferencePhoto.update("content = null where content is not null and purgeAfter < ?1", now);
        int documents = relatives.purgeDocuments(now);
        if (photos + documents > 0) {
            LOG.infof("purged %d reference photo(s) and %d relative document photo(s) past retention", photos, documents);
        }
        return photos + documents;
    }

    /** Raw photos of a person still held. */
    public long stored(java.util.UUID personId) {
        return ReferencePhoto.count("personId = ?1 and content is not null", personId);
    }
}
