package org.lifecert.gateway.person;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.lifecert.platform.web.ApiException;

/** Asks appeal-service for a person's certification state and judges it with {@link CertificationGate}. */
@ApplicationScoped
public class CertificationStates {

    private static final Logger LOG = Logger.getLogger(CertificationStates.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final AppealClient appeal;

    public CertificationStates(@RestClient AppealClient appeal) {
        this.appeal = appeal;
    }

    public CertificationGate.Verdict verdictFor(UUID personId) {
        try (Response response = appeal.certification(personId.toString())) {
            if (response.getStatus() == 404) {
                return CertificationGate.judge(null);
            }
            if (response.getStatus() != 200) {
                throw unavailable("appeal-service answered " + response.getStatus());
            }
            return CertificationGate.judge(JSON.readValue(response.readEntity(String.class), CertificationStatus.class));
        } catch (ApiException e) {
            throw e;
        } catch (jakarta.ws.rs.WebApplicationException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                return CertificationGate.judge(null);
            }
            throw unavailable("appeal-service answered " + (e.getResponse() == null ? "?" : e.getResponse().getStatus()));
        } catch (ProcessingException | java.io.IOException e) {
            LOG.warnf("certification state of %s unavailable: %s", personId, e.toString());
            throw unavailable("appeal-service unreachable: " + e.getMessage());
        }
    }

    private static ApiException unavailable(String detail) {
        return new ApiException(503, "STATE_UNAVAILABLE", "系统繁忙，暂时无法查询认证状态，请稍后再试", detail);
    }
}
