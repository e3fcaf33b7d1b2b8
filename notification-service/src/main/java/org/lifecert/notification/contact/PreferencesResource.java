package org.lifecert.notification.contact;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.notification.plan.Channel;
import org.lifecert.notification.plan.Contact;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/**
 * A person's language and channels, set from the gateway page (internal, cluster network only).
 * In-app stays on whatever is chosen: it is where the page shows results.
 */
@Path("/internal/v1/persons/{personId}/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PreferencesResource {

    private final ContactDirectory contacts;

    public PreferencesResource(ContactDirectory contacts) {
        this.contacts = contacts;
    }

    /** {@code language}: zh-CN or en; {@code channels}: any of SMS, EMAIL, IN_APP. Null fields stay as they are. */
    public record Preferences(String language, List<String> channels, String bureau) {
    }

    public record PreferencesView(UUID personId, String language, Set<Channel> channels, boolean hasPhone,
            boolean hasEmail) {
    }

    @GET
    @Operation(summary = "A person's language and channels")
    public PreferencesView get(@PathParam("personId") UUID personId) {
        return contacts.find(personId).map(PreferencesResource::view)
                .orElseThrow(() -> ApiException.notFound("person " + personId));
    }

    @PUT
    @Operation(summary = "Set a person's language and channels")
    public PreferencesView set(@PathParam("personId") UUID personId, Preferences body) {
        if (body == null) {
            throw ApiException.invalid(List.of(new FieldError("body", "请求内容不正确")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (body.language() != null && !ContactDirectory.LANGUAGES.contains(body.language())) {
            errors.add(new FieldError("language", "不支持的语言（zh-CN 或 en）"));
        }
        Set<Channel> channels = null;
        if (body.channels() != null) {
            channels = EnumSet.of(Channel.IN_APP);
            for (String name : body.channels()) {
                try {
                    Channel channel = Channel.valueOf(name);
                    if (!Channel.PERSONAL.contains(channel)) {
                        throw new IllegalArgumentException(name);
                    }
                    channels.add(channel);
                } catch (IllegalArgumentException | NullPointerException e) {
                    errors.add(new FieldError("channels", "不支持的通知方式：" + name));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return view(contacts.choose(personId, body.bureau(), body.language(), channels));
    }

    private static PreferencesView view(Contact c) {
        return new PreferencesView(c.personId(), c.language(), c.channels(), c.phone() != null, c.email() != null);
    }
}
