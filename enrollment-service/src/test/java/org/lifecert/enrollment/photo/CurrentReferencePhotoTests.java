package org.lifecert.enrollment.photo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.enrollment.Staff;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.SharedData;

/**
 * {@code GET /api/v1/persons/{personId}/reference-photos/current}: the appeal reviewer's view of the photo the
 * person's template was made from (appeal-service proxies it to its reviewer console). The image itself, for
 * reviewers of the person's bureau only.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class CurrentReferencePhotoTests {

    @Test
    void reviewerOfTheBureauGetsTheCurrentPhotoAsJpegBytes() throws IOException {
        String personId = Staff.enrolInA(PersonForms.valid());
        byte[] jpeg = jpegOf(SharedData.face("verify/amy/2.png"));
        Staff.clerkA().contentType("multipart/form-data").multiPart("photo", "amy.jpg", jpeg, "image/jpeg")
                .post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(201);

        ExtractableResponse<Response> answer = Staff.reviewerA().accept("image/jpeg")
                .get("/api/v1/persons/" + personId + "/reference-photos/current").then().statusCode(200).extract();
        assertThat(answer.contentType()).startsWith("image/jpeg");
        assertThat(answer.header("X-Photo-Count")).isEqualTo("1");
        assertThat(answer.asByteArray()).isEqualTo(jpeg);
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(answer.asByteArray()))).isNotNull();
    }

    @Test
    void eachPhotoOfTheLatestUploadIsReachedByIndexAndOlderUploadsAreNot() throws IOException {
        String personId = Staff.enrolInA(PersonForms.valid());
        Staff.clerkA().contentType("multipart/form-data").multiPart("photo", SharedData.face("verify/amy/5.png").toFile())
                .post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(201);
        byte[] first = jpegOf(SharedData.face("verify/amy/2.png"));
        byte[] second = jpegOf(SharedData.face("verify/amy/3.png"));
        Staff.clerkA().contentType("multipart/form-data").multiPart("photo", "a.jpg", first, "image/jpeg")
                .multiPart("photo", "b.jpg", second, "image/jpeg")
                .post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(201);

        byte[] zero = Staff.reviewerA().get("/api/v1/persons/" + personId + "/reference-photos/current?index=0").then()
                .statusCode(200).header("X-Photo-Count", "2").extract().asByteArray();
        byte[] one = Staff.reviewerA().get("/api/v1/persons/" + personId + "/reference-photos/current?index=1").then()
                .statusCode(200).header("X-Photo-Count", "2").extract().asByteArray();
        assertThat(java.util.List.of(zero, one)).containsExactlyInAnyOrder(first, second);
        Staff.reviewerA().get("/api/v1/persons/" + personId + "/reference-photos/current?index=2").then().statusCode(404)
                .body("code", equalTo("NO_REFERENCE_PHOTO"));
    }

    @Test
    void anotherBureausReviewerGets404() throws IOException {
        String personId = Staff.enrolInA(PersonForms.valid());
        Staff.clerkA().contentType("multipart/form-data").multiPart("photo", "amy.jpg", jpegOf(SharedData.face("verify/amy/2.png")), "image/jpeg")
                .post("/api/v1/persons/" + personId + "/reference-photos").then().statusCode(201);
        Staff.reviewerB().get("/api/v1/persons/" + personId + "/reference-photos/current").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        Staff.reviewerA().get("/api/v1/persons/" + UUID.randomUUID() + "/reference-photos/current").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aPersonWithoutPhotoIs404WithAClearMessage() {
        String personId = Staff.enrolInA(PersonForms.valid());
        Staff.reviewerA().get("/api/v1/persons/" + personId + "/reference-photos/current").then().statusCode(404)
                .body("code", equalTo("NO_REFERENCE_PHOTO")).body("message", equalTo("该人员暂无参考照片（尚未上传或已超过保存期限）"));
    }

    @Test
    void onlyReviewersReadIt() {
        String personId = Staff.enrolInA(PersonForms.valid());
        Staff.clerkA().get("/api/v1/persons/" + personId + "/reference-photos/current").then().statusCode(403);
        Staff.as("admin-a", Staff.BUREAU_A, "admin").get("/api/v1/persons/" + personId + "/reference-photos/current").then().statusCode(403);
    }

    private static byte[] jpegOf(Path png) throws IOException {
        BufferedImage source = ImageIO.read(Files.newInputStream(png));
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(source, 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(rgb, "jpg", out);
        return out.toByteArray();
    }
}
