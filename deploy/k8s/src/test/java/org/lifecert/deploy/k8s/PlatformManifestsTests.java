package org.lifecert.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecert.deploy.k8s.Yamls.list;
import static org.lifecert.deploy.k8s.Yamls.map;
import static org.lifecert.deploy.k8s.Yamls.maps;
import static org.lifecert.deploy.k8s.Yamls.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Rendering, secrets, identity provider and observability. */
class PlatformManifestsTests {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** Environment variable names that hold credentials or keys. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|JAAS|_KEY$|_KEYS_|API_KEY|CREDENTIAL).*");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyOverlayRendersWithKubectlKustomize(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        String namespace = "dev".equals(overlay) ? "lifecert-dev" : "lifecert";
        assertThat(manifest.resources()).allSatisfy(r -> {
            assertThat(str(r, "apiVersion")).isNotBlank();
            assertThat(str(r, "metadata", "name")).isNotBlank();
        });
        assertThat(manifest.resources()).filteredOn(r -> !"Namespace".equals(r.get("kind"))).allSatisfy(r ->
                assertThat(str(r, "metadata", "namespace")).as("%s %s", r.get("kind"), str(r, "metadata", "name"))
                        .isEqualTo(namespace));
        assertThat(str(manifest.get("Namespace", namespace), "metadata", "labels", "pod-security.kubernetes.io/enforce"))
                .isIn("baseline", "restricted");
        assertThat(manifest.ofKind("Deployment")).hasSize(Manifest.SERVICE_DATABASES.size());
    }

    @Test
    void prodHoldsNoSecretValues() {
        assertNoSecretValues(Kustomize.overlay("prod"));
        // Every Secret prod needs and no operator generates is an ExternalSecret.
        assertThat(Kustomize.overlay("prod").ofKind("ExternalSecret")).extracting(es -> str(es, "spec", "target", "name"))
                .contains("lifecert-pii-id-hash", "lifecert-pii-templates", "notification-channels",
                        "pg-enrollment-debezium", "pg-appeal-debezium", "keda-lag-reader-credentials",
                        "lifecert-gateway-token", "lifecert-oidc-console");
    }

    @Test
    void devHoldsNoSecretValuesEither() {
        // Keys are created by overlays/dev/create-dev-secrets.sh, never committed.
        assertNoSecretValues(Kustomize.overlay("dev"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloakRealmHasTheRolesAndTheBureauClaim(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Map<String, Object> keycloak = manifest.get("Keycloak", "lifecert-keycloak");
        assertThat(str(keycloak, "spec", "db", "host")).isEqualTo("pg-keycloak-rw");
        Map<String, Object> realmImport = manifest.get("KeycloakRealmImport", "lifecert-realm");
        assertThat(str(realmImport, "spec", "keycloakCRName")).isEqualTo("lifecert-keycloak");
        Map<String, Object> realm = map(realmImport, "spec", "realm");
        assertThat(realm.get("realm")).isEqualTo("lifecert");
        assertThat(maps(realm, "roles", "realm")).extracting(r -> r.get("name"))
                .containsExactlyInAnyOrder("clerk", "reviewer", "admin");
        List<Map<String, Object>> mappers = new ArrayList<>();
        maps(realm, "clientScopes").forEach(s -> mappers.addAll(maps(s, "protocolMappers")));
        maps(realm, "clients").forEach(c -> mappers.addAll(maps(c, "protocolMappers")));
        assertThat(mappers).anySatisfy(m -> {
            assertThat(m.get("protocolMapper")).isEqualTo("oidc-usermodel-attribute-mapper");
            assertThat(str(m, "config", "user.attribute")).isEqualTo("bureau");
            assertThat(str(m, "config", "claim.name")).isEqualTo("bureau");
            assertThat(str(m, "config", "access.token.claim")).isEqualTo("true");
        });
        // The bureau scope is a default scope of the console client, so every console token has the claim.
        assertThat(maps(realm, "clients")).anySatisfy(c -> {
            assertThat(c.get("clientId")).isEqualTo("lifecert-console");
            assertThat(list(c, "defaultClientScopes")).contains("bureau", "roles");
        });
        // The user profile declares the attribute (Keycloak >= 24 drops undeclared attributes).
        String profile = String.valueOf(list(realm, "components", "org.keycloak.userprofile.UserProfileProvider").isEmpty()
                ? "" : Yamls.at(realm, "components", "org.keycloak.userprofile.UserProfileProvider", 0, "config", "kc.user.profile.config", 0));
        assertThat(profile).contains("\"name\":\"bureau\"");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void dashboardShowsCertificationsLatencyLagAndAppeals(String overlay) {
        Map<String, Object> configMap = Kustomize.overlay(overlay).get("ConfigMap", "lifecert-grafana-dashboard");
        assertThat(str(configMap, "metadata", "labels", "grafana_dashboard")).isEqualTo("1");
        // JSON is YAML: one parser for both.
        Object dashboard = new Yaml(new SafeConstructor(new LoaderOptions())).load(str(configMap, "data", "lifecert.json"));
        List<String> exprs = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (Map<String, Object> panel : maps(dashboard, "panels")) {
            titles.add(str(panel, "title"));
            maps(panel, "targets").forEach(t -> exprs.add(str(t, "expr")));
        }
        assertThat(titles).contains("Certifications per minute by outcome", "Verdict latency (last frame batch to verdict)",
                "Consumer lag by group (frames topic)", "Appeals open by state");
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("lifecert_consumer_events_total").contains("PersonCertified").contains("* 60"));
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("histogram_quantile(0.95").contains("lifecert_verdict_latency_seconds_bucket"));
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("kafka_consumergroup_lag").contains("lifecert.capture.frames.v1"));
        assertThat(exprs).anySatisfy(e -> assertThat(e).contains("lifecert_appeals_open"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesAreScrapedTracedAndLeaveTheOutboxToDebezium(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Map<String, Object> monitor = manifest.get("ServiceMonitor", "lifecert-services");
        assertThat(str(monitor, "spec", "selector", "matchLabels", "app.kubernetes.io/part-of")).isEqualTo("lifecert");
        assertThat(maps(monitor, "spec", "endpoints")).anySatisfy(e -> {
            assertThat(e.get("port")).isEqualTo("http");
            assertThat(e.get("path")).isEqualTo("/q/metrics");
        });
        assertThat(manifest.ofKind("Service")).filteredOn(s -> Manifest.SERVICE_DATABASES.containsKey(str(s, "metadata", "name")))
                .hasSize(Manifest.SERVICE_DATABASES.size())
                .allSatisfy(s -> assertThat(str(s, "metadata", "labels", "app.kubernetes.io/part-of")).isEqualTo("lifecert"));
        Map<String, Object> common = map(manifest.get("ConfigMap", "lifecert-common"), "data");
        assertThat(str(common, "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT")).startsWith("http://otel-collector.");
        assertThat(str(common, "LIFECERT_MESSAGING_RELAY_ENABLED")).isEqualTo("false");
        assertThat(str(common, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("lifecert-kafka-bootstrap:9093");
        for (String service : Manifest.SERVICE_DATABASES.keySet()) {
            Map<String, Object> app = maps(manifest.get("Deployment", service), "spec", "template", "spec", "containers").get(0);
            assertThat(maps(app, "envFrom")).as("%s reads the common settings", service)
                    .anySatisfy(e -> assertThat(str(e, "configMapRef", "name")).isEqualTo("lifecert-common"));
        }
    }

    private static void assertNoSecretValues(Manifest manifest) {
        assertThat(manifest.ofKind("Secret")).as("Secrets with values in overlay %s", manifest.overlay())
                .allSatisfy(secret -> {
                    assertThat(map(secret, "data")).as("data of Secret %s", str(secret, "metadata", "name")).isEmpty();
                    assertThat(map(secret, "stringData")).as("stringData of Secret %s", str(secret, "metadata", "name")).isEmpty();
                });
        for (Map<String, Object> resource : manifest.resources()) {
            for (Map<String, Object> container : containersOf(resource)) {
                for (Map<String, Object> env : maps(container, "env")) {
                    String name = str(env, "name");
                    if (SECRET_NAME.matcher(name).matches()) {
                        assertThat(env).as("%s %s: env %s must come from a Secret", resource.get("kind"),
                                str(resource, "metadata", "name"), name).doesNotContainKey("value");
                    }
                }
            }
        }
        for (Map<String, Object> configMap : manifest.ofKind("ConfigMap")) {
            assertThat(map(configMap, "data").keySet()).as("keys of ConfigMap %s", str(configMap, "metadata", "name"))
                    .noneMatch(k -> SECRET_NAME.matcher(k).matches());
        }
    }

    private static List<Map<String, Object>> containersOf(Map<String, Object> resource) {
        List<Map<String, Object>> containers = new ArrayList<>();
        containers.addAll(maps(resource, "spec", "template", "spec", "containers"));
        containers.addAll(maps(resource, "spec", "template", "spec", "initContainers"));
        return containers;
    }
}
