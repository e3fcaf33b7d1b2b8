package org.lifecert.enrollment.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.lifecert.enrollment.person.Person;
import org.lifecert.platform.web.ApiException;

/**
 * A person's current reference photos: the latest accepted upload (the photos behind the active template),
 * while its retention lasts. Empty when none was uploaded yet or the photos were already erased. The one
 * query behind both the collection review and the appeal reviewer's view.
 */
@ApplicationScoped
public class LatestReferencePhotos {

    /** Must run inside a transaction (the caller's). */
    public List<ReferencePhoto> of(String bureau, UUID personId) {
        List<ReferencePhoto> kept = ReferencePhoto.<ReferencePhoto>find(
                "personId = ?1 and bureau = ?2 and content is not null order by uploadedAt desc, id", personId, bureau).list();
        if (kept.isEmpty()) {
            return List.of();
        }
        Instant latest = kept.get(0).uploadedAt;
        return kept.stream().filter(p -> p.uploadedAt.equals(latest)).toList();
    }

    static final String NONE = "该人员暂无参考照片（尚未上传或已超过保存期限）";

    /** One photo of the current upload, with how many that upload has (the console asks for the others by index). */
    public record Photo(String contentType, byte[] content, int count) {
    }

    /**
     * Photo {@code index} of a person's current reference photos. A person of another bureau (or none) is 404
     * like every other record; a person without a retained photo is 404 {@code NO_REFERENCE_PHOTO} with a
     * message saying so.
     */
    @Transactional
    public Photo photo(String bureau, UUID personId, int index) {
        Person p = Person.findById(personId);
        if (p == null || !p.bureau.equals(bureau)) {
            throw ApiException.notFound("person " + personId);
        }
        List<ReferencePhoto> current = of(bureau, personId);
        if (current.isEmpty()) {
            throw new ApiException(404, "NO_REFERENCE_PHOTO", NONE, "no retained reference photo of person " + personId);
        }
        if (index < 0 || index >= current.size()) {
            throw new ApiException(404, "NO_REFERENCE_PHOTO", NONE, "photo " + index + " of " + current.size());
        }
        ReferencePhoto photo = current.get(index);
        return new Photo(photo.contentType, photo.content, current.size());
    }
}
