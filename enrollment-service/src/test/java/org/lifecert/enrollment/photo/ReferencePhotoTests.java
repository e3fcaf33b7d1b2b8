package org.lifecert.enrollment.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.enrollment.Staff;
import org.lifecert.events.EventCodec;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.events.Topics;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceTemplate;
import org.lifecert.platform.pii.TemplateCipher;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class ReferencePhotoTests {

    static final String FACES = org.lifecert.testing.SharedData.faces() + "/";

    private final TopicReader topic = TopicReader.onTestBroker();

    @Inject
    TemplateCipher cipher;

    @Inject
    PhotoRetention retention;

    static RequestSpecification upload(RequestSpecification as, String... files) {
        RequestSpecification spec = as.contentType("multipart/form-data");
        for (String f : files) {
            spec = spec.multiPart("photo", new File(f.startsWith("/") ? f : FACES + f));
        }
        return spec;
    }

    @Test
    void goodPhotosGiveASealedTemplatePublishedWithItsKeyId() {
        String personId = Staff.enrolInA(PersonForms.valid());
        String templateId = upload(Staff.clerkA(), "verify/amy/2.png", "verify/amy/3.png", "verify/amy/5.png")
                .post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(201)
                .body("photoCount", equalTo(3)).body("keyId", equalTo("test-1"))
                .body("modelVersion", equalTo(FaceEngine.MODEL_VERSION)).extract().path("templateId");

        var records = topic.await(Topics.ENROLLMENT, TopicReader.valueContains(templateId), 1, Duration.ofSeconds(30));
        ReferenceTemplateRegistered event = (ReferenceTemplateRegistered) EventCodec.shared().decode(records.get(0).value()).data();
        assertThat(event.personId().toString()).isEqualTo(personId);
        assertThat(event.photoCount()).isEqualTo(3);
        assertThat(event.quality()).isBetween(0.4, 1.0);
        FaceTemplate template = FaceTemplate.fromBytes(cipher.open(new TemplateCipher.Sealed(event.keyId(), event.encryptedTemplate())));
        assertThat(template.embeddings()).hasSize(3);
        assertThat(template.modelVersion()).isEqualTo(FaceEngine.MODEL_VERSION);
        Staff.clerkA().get("/api/v1/persons/" + personId + "/reference-photos/template").then().statusCode(200)
                .body("templateId", equalTo(templateId));
    }

    @Test
    void firstSamplePhotoOfEachPersonIsAccepted() {
        for (String person : new String[] {"bernadette", "howard", "leonard", "penny", "raj", "sheldon", "stuart"}) {
            String personId = Staff.enrolInA(PersonForms.valid());
            upload(Staff.clerkA(), "verify/" + person + "/1.png").post("/api/v1/persons/" + personId + "/reference-photos")
                    .then().statusCode(201).body("templateId", notNullValue());
        }
    }

    @Test
    void turnedHeadIsRejectedWithItsReason() {
        // verify/amy/1.png: the face engine measures a yaw of about 31 degrees (limit 25).
        String personId = Staff.enrolInA(PersonForms.valid());
        upload(Staff.clerkA(), "verify/amy/1.png").post("/api/v1/persons/" + personId + "/reference-photos")
                .then().statusCode(422).body("message", equalTo("请正对摄像头"));
    }

    @Test
    void photoOfAScreenIsRejectedAsASpoof() {
        String personId = Staff.enrolInA(PersonForms.valid());
        upload(Staff.clerkA(), "liveness/spoof/F2.jpg").post("/api/v1/persons/" + personId + "/reference-photos")
                .then().statusCode(422).body("message", equalTo("未通过活体检测，请本人正对摄像头重新认证"));
    }

    @Test
    void groupPhotoIsRejectedAsSeveralFaces() {
        String personId = Staff.enrolInA(PersonForms.valid());
        upload(Staff.clerkA(), "multi/group1.jpg").post("/api/v1/persons/" + personId + "/reference-photos")
                .then().statusCode(422).body("code", equalTo("PHOTO_REJECTED"))
                .body("message", equalTo("检测到多张人脸，请确保画面中只有本人"))
                .body("errors[0].field", equalTo("photo[0]"));
        Staff.clerkA().get("/api/v1/persons/" + personId + "/reference-photos/template").then().statusCode(404);
    }

    @Test
    void nonImageIsRejectedAsUnreadable() throws Exception {
        String personId = Staff.enrolInA(PersonForms.valid());
        File text = File.createTempFile("not-a-photo", ".png");
        java.nio.file.Files.writeString(text.toPath(), "这不是照片", StandardCharsets.UTF_8);
        upload(Staff.clerkA(), text.getAbsolutePath()).post("/api/v1/persons/" + personId + "/reference-photos")
                .then().statusCode(422).body("message", equalTo("图片无法识别，请重新拍摄或上传"));
    }

    @Test
    void oneRejectedPhotoAmongGoodOnesNamesThatPhoto() {
        String personId = Staff.enrolInA(PersonForms.valid());
        upload(Staff.clerkA(), "verify/amy/2.png", "multi/group2.jpg").post("/api/v1/persons/" + personId + "/reference-photos")
                .then().statusCode(422).body("errors[0].field", equalTo("photo[1]"))
                .body("errors[0].message", equalTo("检测到多张人脸，请确保画面中只有本人"));
    }

    @Test
    void photosOfDifferentPeopleAreRejected() {
        String personId = Staff.enrolInA(PersonForms.valid());
        upload(Staff.clerkA(), "verify/amy/2.png", "verify/sheldon/1.png").post("/api/v1/persons/" + personId + "/reference-photos")
                .then().statusCode(422).body("message", equalTo("照片不是同一人，请重新拍摄"));
    }

    @Test
    void zeroOrMoreThanThreePhotosAreRefused() {
        String personId = Staff.enrolInA(PersonForms.valid());
        upload(Staff.clerkA(), "verify/amy/2.png", "verify/amy/3.png", "verify/amy/5.png", "verify/raj/1.png")
                .post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(400)
                .body("message", equalTo("请上传1至3张照片"));
        Staff.clerkA().contentType("multipart/form-data").multiPart("other", "x").post("/api/v1/persons/" + personId + "/reference-photos")
                .then().statusCode(400).body("message", equalTo("请上传1至3张照片"));
    }

    @Test
    void rawPhotosArePurgedAfterTheirRetention() {
        String personId = Staff.enrolInA(PersonForms.valid());
        upload(Staff.clerkA(), "verify/penny/1.png").post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(201);
        assertThat(retention.stored(UUID.fromString(personId))).isEqualTo(1);
        retention.purge(Instant.now().plus(Duration.ofDays(31)));
        assertThat(retention.stored(UUID.fromString(personId))).isZero();
        Staff.clerkA().get("/api/v1/persons/" + personId + "/reference-photos/template").then().statusCode(200);
    }
}
