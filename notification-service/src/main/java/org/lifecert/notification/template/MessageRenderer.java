package org.lifecert.notification.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.lifecert.notification.plan.Channel;
import org.lifecert.notification.plan.MessageKind;

/**
 * Renders {@code templates/messages/<kind>.<channel>.<language>.txt}. E-mail and in-app templates
 * start with their subject/title line, then a blank line, then the body. Dates are written the way
 * the language writes them (2026年3月1日 / 1 March 2026).
 */
@ApplicationScoped
public class MessageRenderer {

    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final Engine engine;

    public MessageRenderer(Engine engine) {
        this.engine = engine;
    }

    public static String templateId(MessageKind kind, Channel channel, String language) {
        return "messages/" + kind.template() + "." + channel.templatePart() + "." + language + ".txt";
    }

    public boolean exists(MessageKind kind, Channel channel, String language) {
        return engine.getTemplate(templateId(kind, channel, language)) != null;
    }

    public RenderedMessage render(MessageKind kind, Channel channel, String language, Map<String, Object> values) {
        Template template = engine.getTemplate(templateId(kind, channel, language));
        if (template == null) {
            throw new IllegalArgumentException("no template " + templateId(kind, channel, language));
        }
        Map<String, Object> data = new HashMap<>();
        DateTimeFormatter dates = language.startsWith("zh") ? ZH_DATE : EN_DATE;
        values.forEach((k, v) -> data.put(k, v instanceof LocalDate d ? dates.format(d) : v));
        for (String optional : new String[] {"name", "reason", "period", "forRelative"}) {
            data.putIfAbsent(optional, optional.equals("forRelative") ? Boolean.FALSE : "");
        }
        String text = template.render(data).strip();
        if (channel == Channel.SMS) {
            return new RenderedMessage(null, text.replaceAll("\\s*\\n\\s*", language.startsWith("zh") ? "" : " "));
        }
        int firstBreak = text.indexOf('\n');
        if (firstBreak < 0) {
            return new RenderedMessage(text, text);
        }
        return new RenderedMessage(text.substring(0, firstBreak).strip(), text.substring(firstBreak + 1).strip());
    }
}
