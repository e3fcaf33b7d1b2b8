package org.lifecert.appeal.console;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.lifecert.platform.web.ApiException;

/**
 * One call from a console page, through this service, to another service's bureau API, carrying the
 * caller's own access token: the other service checks role and bureau itself. Its answer (status,
 * problem JSON with the Chinese message) goes back to the page unchanged.
 */
final class ServiceCall {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private ServiceCall() {
    }

    static Response forward(String baseUrl, String method, String path, String jsonBody, String token, String unreachable) {
        return forward(baseUrl, method, path, jsonBody, token, unreachable, 502);
    }

    /** As above, answering {@code unreachableStatus} (e.g. 503) with the message when the other service cannot be reached. */
    static Response forward(String baseUrl, String method, String path, String jsonBody, String token, String unreachable,
            int unreachableStatus) {
        return forward(baseUrl, method, path, jsonBody, token, MediaType.APPLICATION_JSON, unreachable, unreachableStatus);
    }

    /**
     * As above for an answer that is not JSON ({@code accept}, e.g. an image): the body goes back byte for byte
     * with its content type, and the named response headers of the other service are passed on.
     */
    static Response forward(String baseUrl, String method, String path, String jsonBody, String token, String accept,
            String unreachable, int unreachableStatus, String... passedHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl.replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", accept)
                .header("Authorization", "Bearer " + token);
        if (jsonBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        try {
            HttpResponse<byte[]> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = answer.headers().firstValue("Content-Type").orElse(MediaType.APPLICATION_JSON);
            Response.ResponseBuilder response = Response.status(answer.statusCode()).type(type).entity(answer.body());
            for (String name : passedHeaders) {
                answer.headers().firstValue(name).ifPresent(value -> response.header(name, value));
            }
            return response.build();
        } catch (IOException e) {
            throw new ApiException(unreachableStatus, "SERVICE_UNREACHABLE", unreachable, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(unreachableStatus, "SERVICE_UNREACHABLE", unreachable, "interrupted");
        }
    }

    /** The caller's bearer token (API use) or the access token of the console session (code flow). */
    static String token(HttpHeaders headers, SecurityIdentity identity) {
        String auth = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential == null) {
            throw ApiException.forbidden("no access token in the session");
        }
        return credential.getToken();
    }
}
