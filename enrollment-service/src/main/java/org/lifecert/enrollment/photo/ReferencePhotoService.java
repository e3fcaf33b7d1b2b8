package org.lifecert.enrollment.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.lifecert.enrollment.audit.AuditTrail;
import org.lifecert.enrollment.collection.CollectionService;
import org.lifecert.enrollment.config.EnrollmentConfig;
import org.lifecert.enrollment.person.Person;
import org.lifecert.enrollment.person.PersonEvents;
import org.lifecert.enrollment.person.PersonService;
import org.lifecert.events.CollectionSubmitted;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.face.FaceTemplate;
import org.lifecert.face.ReasonCode;
import org.lifecert.face.Rejection;
import org.lifecert.face.TemplateResult;
import org.lifecert.platform.pii.TemplateCipher;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * Reference photos at the counter: 1-3 JPEG/PNG photos, each through the face engine's quality gate
 * while the clerk waits; all must pass (a rejected one is retaken at once, with the reason in Chinese).
 * The template is sealed (AES-256-GCM, key id kept) and published; raw photos are kept until their
 * retention ends ({@link PhotoRetention}).
 */
@ApplicationScoped
public class ReferencePhotoService {

    private static final Logger LOG = Logger.getLogger(ReferencePhotoService.class);
    public static final String COUNT_MESSAGE = "请上传1至3张照片";
    public static final String FORMAT_MESSAGE = "照片格式不正确，请上传JPEG或PNG格式的照片";
    public static final String SIZE_MESSAGE = "照片不能超过10MB";
    public static final String DIFFERENT_PEOPLE_MESSAGE = "照片不是同一人，请重新拍摄";

    private final ReferenceFaces faces;
    private final TemplateCipher cipher;
    private final PersonService people;
    private final PersonEvents events;
    private final CollectionService collections;
    private final AuditTrail audit;
    private final EnrollmentConfig config;

    public ReferencePhotoService(ReferenceFaces faces, TemplateCipher cipher, PersonService people, PersonEvents events,
            CollectionService collections, AuditTrail audit, EnrollmentConfig config) {
        this.faces = faces;
        this.cipher = cipher;
        this.people = people;
        this.events = events;
        this.collections = collections;
        this.audit = audit;
        this.config = config;
    }

    /** What the clerk sees once the photos are accepted. */
    public record TemplateView(UUID templateId, UUID personId, String modelVersion, String keyId, int photoCount,
            double quality, Instant createdAt) {
    }

    /** Checks the photos with the face engine (outside any transaction: it takes tens of ms per photo), then registers. */
    public TemplateView register(String bureau, String actor, UUID personId, List<byte[]> photos) {
        Person p = people.own(bureau, personId);
        if (p.status != PersonStatus.ACTIVE) {
            throw ApiException.conflict("PERSON_INACTIVE", "该人员已停止领取待遇，不能修改", "person " + p.id + " is " + p.status);
        }
        List<ImageFormat> formats = checkFiles(photos);
        TemplateResult result = faces.template(photos);
        if (!result.rejections().isEmpty() || result.template().isEmpty()) {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                Rejection r = result.rejections().get(i);
                if (r != null) {
                    errors.add(new FieldError("photo[" + i + "]", r.messageZh()));
                    LOG.infof("reference photo %d of person %s rejected: %s (%s)", i, personId, r.code(), r.detail());
                }
            }
            throw new ApiException(422, "PHOTO_REJECTED", errors.get(0).message(),
                    errors.size() + " photo(s) rejected: " + result.rejections().values().stream()
                            .map(r -> r.code().name()).toList(), errors);
        }
        if (config.photos().antiSpoof()) {
            List<FieldError> spoofs = new ArrayList<>();
            for (int i = 0; i < photos.size(); i++) {
                if (faces.spoofSuspected(photos.get(i))) {
                    spoofs.add(new FieldError("photo[" + i + "]", ReasonCode.SPOOF_SUSPECTED.messageZh()));
                }
            }
            if (!spoofs.isEmpty()) {
                throw new ApiException(422, "PHOTO_REJECTED", spoofs.get(0).message(), "presentation attack suspected", spoofs);
            }
        }
        FaceTemplate template = result.template().get();
        double consistency = consistency(template);
        if (consistency < faces.matchThreshold()) {
            throw new ApiException(422, "PHOTOS_DIFFER", DIFFERENT_PEOPLE_MESSAGE,
                    "photos are not of one person (similarity " + consistency + ")",
                    List.of(new FieldError("photo", DIFFERENT_PEOPLE_MESSAGE)));
        }
        return store(bureau, actor, personId, photos, formats, template, consistency);
    }

    @Transactional
    TemplateView store(String bureau, String actor, UUID personId, List<byte[]> photos, List<ImageFormat> formats,
            FaceTemplate template, double quality) {
        Person p = people.own(bureau, personId);
        Instant now = Instant.now();
        StoredTemplate.update("active = false where personId = ?1 and active = true", personId);
        TemplateCipher.Sealed sealed = cipher.seal(template.toBytes());
        StoredTemplate t = new StoredTemplate();
        t.id = UUID.randomUUID();
        t.personId = personId;
        t.bureau = bureau;
        t.modelVersion = template.modelVersion();
        t.keyId = sealed.keyId();
        t.sealed = sealed.base64();
        t.photoCount = photos.size();
        t.quality = quality;
        t.active = true;
        t.createdAt = now;
        t.persist();
        for (int i = 0; i < photos.size(); i++) {
            ReferencePhoto photo = new ReferencePhoto();
            photo.id = UUID.randomUUID();
            photo.personId = personId;
            photo.bureau = bureau;
            photo.contentType = formats.get(i).mediaType();
            photo.content = photos.get(i);
            photo.uploadedAt = now;
            photo.purgeAfter = now.plus(config.photos().retention());
            photo.persist();
        }
        audit.record(bureau, actor, "REFERENCE_TEMPLATE_REGISTERED", "PERSON", personId,
                "template " + t.id + " from " + photos.size() + " photo(s), key " + t.keyId);
        events.publish(p, new ReferenceTemplateRegistered(personId, t.id, t.modelVersion, t.keyId, t.sealed, t.photoCount,
                t.quality));
        if (!collections.collected(personId)) {
            collections.submit(p, p.abroad ? CollectionSubmitted.CHANNEL_ABROAD : CollectionSubmitted.CHANNEL_COUNTER, actor);
        }
        return new TemplateView(t.id, personId, t.modelVersion, t.keyId, t.photoCount, t.quality, t.createdAt);
    }

    /** Lowest cosine similarity between the photos' embeddings (1 for one photo): all photos must show one person. */
    private double consistency(FaceTemplate template) {
        List<float[]> e = template.embeddings();
        double lowest = 1.0;
        for (int i = 0; i < e.size(); i++) {
            for (int j = i + 1; j < e.size(); j++) {
                lowest = Math.min(lowest, faces.similarity(e.get(i), e.get(j)));
            }
        }
        return lowest;
    }

    private List<ImageFormat> checkFiles(List<byte[]> photos) {
        if (photos == null || photos.isEmpty() || photos.size() > config.photos().maxCount()) {
            throw ApiException.invalid(List.of(new FieldError("photo", COUNT_MESSAGE)));
        }
        List<FieldError> errors = new ArrayList<>();
        List<ImageFormat> formats = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            byte[] b = photos.get(i);
            ImageFormat f = ImageFormat.of(b);
            formats.add(f);
            if (b.length > config.photos().maxBytes()) {
                errors.add(new FieldError("photo[" + i + "]", SIZE_MESSAGE));
            } else if (f == null) {
                errors.add(new FieldError("photo[" + i + "]", ReasonCode.IMAGE_UNREADABLE.messageZh()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(422, "PHOTO_REJECTED", errors.get(0).message(), "photo file(s) refused", errors);
        }
        return formats;
    }

    /** The active template's metadata, for the person's own bureau. */
    public TemplateView active(String bureau, UUID personId) {
        people.own(bureau, personId);
        StoredTemplate t = StoredTemplate.<StoredTemplate>find("personId = ?1 and active = true", personId).firstResult();
        if (t == null) {
            throw ApiException.notFound("template of person " + personId);
        }
        return new TemplateView(t.id, personId, t.modelVersion, t.keyId, t.photoCount, t.quality, t.createdAt);
    }

    /** Unused by the API; keeps the intent visible: templates open with the key they were sealed with. */
    FaceTemplate open(StoredTemplate t) {
        return FaceTemplate.fromBytes(cipher.open(new TemplateCipher.Sealed(t.keyId, t.sealed)));
    }

    public int maxBytes() {
        return config.photos().maxBytes();
    }
}
