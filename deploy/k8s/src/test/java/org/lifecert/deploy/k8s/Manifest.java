package org.lifecert.deploy.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The rendered resources of one overlay, with the few lookups the tests need. */
record Manifest(String overlay, List<Map<String, Object>> resources) {

    /** The six services and their databases (SERVICE-CONVENTIONS.md). */
    static final Map<String, String> SERVICE_DATABASES = Map.of(
            "capture-gateway", "gateway",
            "enrollment-service", "enrollment",
            "face-match-service", "facematch",
            "liveness-service", "liveness",
            "appeal-service", "appeal",
            "notification-service", "notification");

    List<Map<String, Object>> ofKind(String kind) {
        return resources.stream().filter(r -> kind.equals(r.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(Yamls.str(r, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "overlay " + overlay + " has no " + kind + " named " + name));
    }

    @Override
    public String toString() {
        return overlay;
    }
}
