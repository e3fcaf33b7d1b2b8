package org.lifecert.gateway.relative;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.web.ApiException;

/**
 * 亲情服务 from the page: a logged-in recipient adds a family member (ID number, name, relationship,
 * photo of the member's identity document). enrollment-service owns the rules and the link; the
 * gateway only names the recipient from the session token (never from the request) and passes
 * enrollment's answer on, its refusals included (their {@code message} is already the recipient's
 * words). The new link reaches the gateway's own projection through RelativeLinked.
 */
@ApplicationScoped
public class FamilyLinks {

    public static final String UNAVAILABLE = "系统繁忙，暂时无法添加亲属，请稍后再试";

    /** What the page sends. */
    public record AddRequest(String idNumber, String surname, String givenName, String relationship,
            String documentPhotoBase64) {
    }

    /** enrollment-service's {@code POST /internal/v1/relatives} body. */
    public record EnrollmentRequest(UUID relativePersonId, String idNumber, String surname, String givenName,
            String relationship, String documentPhotoBase64) {
    }

    /** enrollment's answer as it came: status, JSON body. */
    public record Answer(int status, String json) {
    }

    private final EnrollmentClient enrollment;
    private final PersonDirectory directory;

    public FamilyLinks(@RestClient EnrollmentClient enrollment, PersonDirectory directory) {
        this.enrollment = enrollment;
        this.directory = directory;
    }

    public Answer add(UUID recipientPersonId, AddRequest request) {
        if (request == null) {
            throw new ApiException(400, "RELATIVE_INCOMPLETE", "请填写亲属的身份证号、姓名、关系并上传身份凭证照片",
                    "a JSON body with idNumber, surname, givenName, relationship, documentPhotoBase64 is required");
        }
        EnrollmentRequest forward = new EnrollmentRequest(recipientPersonId, request.idNumber(), request.surname(),
                request.givenName(), request.relationship(), request.documentPhotoBase64());
        try (Response response = enrollment.add(forward)) {
            if (response.getStatus() >= 500) {
                throw unavailable("enrollment-service answered " + response.getStatus());
            }
            return new Answer(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : null);
        } catch (ProcessingException e) {
            throw unavailable("enrollment-service unreachable: " + e.getMessage());
        } catch (jakarta.ws.rs.WebApplicationException e) {
            Response response = e.getResponse();
            if (response == null || response.getStatus() >= 500) {
                throw unavailable("enrollment-service failed: " + e.getMessage());
            }
            return new Answer(response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : null);
        }
    }

    public List<PersonDirectory.Relative> of(UUID recipientPersonId) {
        return directory.relativesOf(recipientPersonId);
    }

    private static ApiException unavailable(String detail) {
        return new ApiException(503, "RELATIVES_UNAVAILABLE", UNAVAILABLE, detail);
    }
}
