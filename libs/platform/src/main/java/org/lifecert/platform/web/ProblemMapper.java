package org.lifecert.platform.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The one mapper of {@link ApiException} to problem details that every service shares. */
@Provider
public class ProblemMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException e) {
        Problem problem = new Problem("urn:lifecert:problem:" + e.code().toLowerCase().replace('_', '-'),
                Response.Status.fromStatusCode(e.status()) == null ? "Error"
                        : Response.Status.fromStatusCode(e.status()).getReasonPhrase(),
                e.status(), e.getMessage(), e.code(), e.personMessage(), e.errors());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
