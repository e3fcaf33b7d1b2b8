package org.lifecert.systemtests.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.lifecert.systemtests.stack.Api;

/**
 * A bureau's SMS quiet hours in notification-service (admin API). The stack runs with the production
 * default (21:00–08:00 Asia/Shanghai): a journey that expects an SMS now lifts them for its bureau and
 * puts them back afterwards, so the suite's outcome does not depend on the hour CI runs at.
 */
public final class QuietHours implements AutoCloseable {

    private static final String SERVICE = "notification-service";

    private final String bureau;
    private final JsonNode before;

    private QuietHours(String bureau, JsonNode before) {
        this.bureau = bureau;
        this.before = before;
    }

    /** Sets no quiet hours for {@code bureau} (start == end) until {@link #close()}; the zone is kept. */
    public static QuietHours liftedFor(String bureau) {
        JsonNode before = read(bureau);
        JsonNode now = write(bureau, "00:00", "00:00", before.path("zone").asText());
        assertThat(now.path("start").asText()).as("quiet hours lifted: %s", now).isEqualTo(now.path("end").asText());
        return new QuietHours(bureau, before);
    }

    @Override
    public void close() {
        write(bureau, before.path("start").asText(), before.path("end").asText(), before.path("zone").asText());
    }

    private static JsonNode read(String bureau) {
        return Api.of(SERVICE).as("admin").get(path(bureau)).expect(200).json();
    }

    private static JsonNode write(String bureau, String start, String end, String zone) {
        return Api.of(SERVICE).as("admin").put(path(bureau), Map.of("start", start, "end", end, "zone", zone))
                .expect(200).json();
    }

    private static String path(String bureau) {
        return "/api/v1/admin/bureaus/" + bureau + "/quiet-hours";
    }
}
