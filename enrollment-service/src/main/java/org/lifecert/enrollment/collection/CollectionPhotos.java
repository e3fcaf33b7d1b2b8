package org.lifecert.enrollment.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.lifecert.enrollment.photo.LatestReferencePhotos;
import org.lifecert.platform.web.ApiException;

/**
 * The reference photos a reviewer looks at when deciding a collection: the person's latest accepted upload
 * (the photos behind the active template), while its retention lasts. Empty when none was uploaded yet or
 * the photos were already erased.
 */
@ApplicationScoped
public class CollectionPhotos {

    private final LatestReferencePhotos latest;

    public CollectionPhotos(LatestReferencePhotos latest) {
        this.latest = latest;
    }

    /** One photo, inline (the console shows it as a data URL; no second authenticated request per image). */
    public record PhotoView(UUID photoId, String contentType, Instant uploadedAt, String dataBase64) {
    }

    @Transactional
    public List<PhotoView> of(String bureau, UUID collectionId) {
        Collection c = Collection.findById(collectionId);
        if (c == null || !c.bureau.equals(bureau)) {
            throw ApiException.notFound("collection " + collectionId);
        }
        return latest.of(bureau, c.personId).stream()
                .map(p -> new PhotoView(p.id, p.contentType, p.uploadedAt, Base64.getEncoder().encodeToString(p.content)))
                .toList();
    }
}
