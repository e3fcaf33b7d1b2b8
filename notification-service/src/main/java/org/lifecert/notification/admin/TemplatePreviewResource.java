package org.lifecert.notification.admin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.lifecert.notification.contact.ContactDirectory;
import org.lifecert.notification.plan.Channel;
import org.lifecert.notification.plan.MessageKind;
import org.lifecert.notification.template.MessageRenderer;
import org.lifecert.notification.template.RenderedMessage;
import org.lifecert.platform.security.Roles;
import org.lifecert.platform.web.ApiException;
import org.lifecert.platform.web.FieldError;

/** Renders a message template with sample values, so admins see exactly what people receive. */
@Path("/api/v1/admin/templates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class TemplatePreviewResource {

    private final MessageRenderer renderer;

    public TemplatePreviewResource(MessageRenderer renderer) {
        this.renderer = renderer;
    }

    public record Preview(String templateId, String kind, String channel, String language, String subject, String body) {
    }

    @GET
    @Operation(summary = "Every template id (kind x channel x language)")
    public List<String> list() {
        return java.util.Arrays.stream(MessageKind.values()).flatMap(k -> java.util.stream.Stream.of(
                Channel.SMS, Channel.EMAIL, Channel.IN_APP).flatMap(c -> ContactDirectory.LANGUAGES.stream().sorted()
                .map(l -> MessageRenderer.templateId(k, c, l)))).toList();
    }

    /**
     * {@code kind}: e.g. CERTIFIED or person-certified; {@code channel}: SMS, EMAIL, IN_APP.
     * Query {@code approved=false} previews the rejected appeal, {@code relative=true} the proxy wording.
     */
    @GET
    @Path("/{kind}/{channel}")
    @Operation(summary = "Preview one template with sample values")
    public Preview preview(@PathParam("kind") String kind, @PathParam("channel") String channel,
            @QueryParam("language") @DefaultValue("zh-CN") String language,
            @QueryParam("approved") @DefaultValue("true") boolean approved,
            @QueryParam("relative") @DefaultValue("false") boolean relative,
            @QueryParam("name") @DefaultValue("张秀英") String name) {
        MessageKind messageKind = parseKind(kind);
        Channel messageChannel;
        try {
            messageChannel = Channel.valueOf(channel.toUpperCase(Locale.ROOT).replace("-", "_"));
        } catch (IllegalArgumentException e) {
            messageChannel = null;
        }
        if (messageChannel == null || !Channel.PERSONAL.contains(messageChannel)) {
            throw ApiException.invalid(List.of(new FieldError("channel", "通知方式只能是 SMS、EMAIL 或 IN_APP")));
        }
        if (!ContactDirectory.LANGUAGES.contains(language)) {
            throw ApiException.invalid(List.of(new FieldError("language", "不支持的语言（zh-CN 或 en）")));
        }
        Map<String, Object> values = new HashMap<>();
        values.put("name", name);
        values.put("forRelative", relative);
        values.put("period", "2026");
        values.put("deadline", LocalDate.of(2026, 6, 30));
        values.put("nextPeriodStart", LocalDate.of(2027, 1, 1));
        values.put("dueDate", LocalDate.of(2026, 3, 16));
        values.put("daysLeft", 7);
        values.put("attemptNumber", 1);
        values.put("approved", approved);
        values.put("reason", approved ? "" : "照片与本人不符");
        values.put("monthsMissed", 2);
        values.put("channel", "SELF_SERVICE");
        RenderedMessage message = renderer.render(messageKind, messageChannel, language, values);
        return new Preview(MessageRenderer.templateId(messageKind, messageChannel, language), messageKind.name(),
                messageChannel.name(), language, message.subject(), message.body());
    }

    private static MessageKind parseKind(String kind) {
        for (MessageKind k : MessageKind.values()) {
            if (k.name().equalsIgnoreCase(kind) || k.template().equalsIgnoreCase(kind)) {
                return k;
            }
        }
        throw ApiException.invalid(List.of(new FieldError("kind", "没有这种通知：" + kind)));
    }
}
