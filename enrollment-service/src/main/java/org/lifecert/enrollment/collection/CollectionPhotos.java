package org.lifecert.enrollment.collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.lifecert.enrollment.photo.ReferencePhoto;
import org.lifecert.platform.web.ApiException;

/**
 * The reference photos a reviewer looks at when deciding a collection: the person's latest accepted upload
 * (the photos behind the active template), while its retention lasts. Empty when none was uploaded yet or
 * the photos were already erased.
 */
@ApplicationScoped
public class CollectionPhotos {

    /** One photo, inline (the console shows it as a data URL; no second authenticated request per image). */
    public record PhotoView(UUID photoId, String contentType, Instant uploadedAt, String dataBase64) {
    }

    @Transactional
    public List<PhotoView> of(String bureau, UUID collectionId) {
        Collection c = Collection.findById(collectionId);
        if (c == null || !c.bureau.equals(bureau)) {
            throw ApiException.notFound("collection " + collectionId);
        }
        List<ReferencePhoto> kept = ReferencePhoto.<ReferencePhoto>find(
                "personId = ?1 and bureau = ?2 and content is not null order by uploadedAt desc, id", c.personId, bureau).list();
        if (kept.isEmpty()) {
            return List.of();
        }
        Instant latest = kept.get(0).uploadedAt;
        return kept.stream().filter(p -> p.uploadedAt.equals(latest))
                .map(p -> new PhotoView(p.id, p.contentType, p.uploadedAt, Base64.getEncoder().encodeToString(p.content)))
                .toList();
    }
}
