package org.lifecert.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecert.deploy.k8s.Yamls.at;
import static org.lifecert.deploy.k8s.Yamls.list;
import static org.lifecert.deploy.k8s.Yamls.map;
import static org.lifecert.deploy.k8s.Yamls.maps;
import static org.lifecert.deploy.k8s.Yamls.str;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The six services: how they run, who reaches them, whom they reach, where their secrets come from. */
class ServiceManifestsTests {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    private static final Set<String> PUBLIC = Set.of("capture-gateway", "enrollment-service", "appeal-service");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceDeploymentHasProbesLimitsAndALockedDownContainer(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (String service : Manifest.SERVICE_DATABASES.keySet()) {
            Map<String, Object> deployment = manifest.get("Deployment", service);
            Map<String, Object> pod = map(deployment, "spec", "template", "spec");
            List<Map<String, Object>> containers = maps(pod, "containers");
            softly.assertThat(containers).as("%s containers", service).hasSize(1);
            Map<String, Object> app = containers.get(0);
            softly.assertThat(str(app, "image")).as("%s image", service).isEqualTo("lifecert/" + service + ":0.1.0");
            softly.assertThat(str(app, "livenessProbe", "httpGet", "path")).as("%s liveness", service).isEqualTo("/q/health/live");
            softly.assertThat(str(app, "readinessProbe", "httpGet", "path")).as("%s readiness", service).isEqualTo("/q/health/ready");
            softly.assertThat(str(app, "livenessProbe", "httpGet", "port")).as("%s liveness port", service).isEqualTo("http");
            softly.assertThat(str(app, "resources", "limits", "cpu")).as("%s cpu limit", service).isNotBlank();
            softly.assertThat(str(app, "resources", "limits", "memory")).as("%s memory limit", service).isNotBlank();
            softly.assertThat(str(app, "resources", "requests", "cpu")).as("%s cpu request", service).isNotBlank();
            softly.assertThat(str(app, "resources", "requests", "memory")).as("%s memory request", service).isNotBlank();
            boolean nonRoot = Boolean.TRUE.equals(at(app, "securityContext", "runAsNonRoot"))
                    || Boolean.TRUE.equals(at(pod, "securityContext", "runAsNonRoot"))
                            && !Boolean.FALSE.equals(at(app, "securityContext", "runAsNonRoot"));
            softly.assertThat(nonRoot).as("%s runAsNonRoot", service).isTrue();
            softly.assertThat(at(app, "securityContext", "readOnlyRootFilesystem")).as("%s readOnlyRootFilesystem", service).isEqualTo(true);
            softly.assertThat(at(app, "securityContext", "allowPrivilegeEscalation")).as("%s allowPrivilegeEscalation", service).isEqualTo(false);
            softly.assertThat(list(app, "securityContext", "capabilities", "drop")).as("%s dropped capabilities", service).contains("ALL");
            softly.assertThat(at(pod, "automountServiceAccountToken")).as("%s service account token", service).isEqualTo(false);
            // A read-only root still needs a writable /tmp (native libraries of ONNX Runtime and OpenCV).
            softly.assertThat(maps(app, "volumeMounts")).as("%s mounts", service)
                    .anySatisfy(m -> assertThat(m.get("mountPath")).isEqualTo("/tmp"));
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasANetworkPolicyAndAPodDisruptionBudget(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (String service : Manifest.SERVICE_DATABASES.keySet()) {
            Map<String, Object> podLabels = map(manifest.get("Deployment", service), "spec", "template", "metadata", "labels");
            List<Map<String, Object>> policies = manifest.ofKind("NetworkPolicy").stream()
                    .filter(np -> selects(map(np, "spec", "podSelector", "matchLabels"), podLabels))
                    .toList();
            softly.assertThat(policies).as("%s NetworkPolicies", service).isNotEmpty();
            softly.assertThat(policies.stream().flatMap(np -> list(np, "spec", "policyTypes").stream()).toList())
                    .as("%s policy types", service).contains("Ingress", "Egress");
            List<Map<String, Object>> budgets = manifest.ofKind("PodDisruptionBudget").stream()
                    .filter(pdb -> selects(map(pdb, "spec", "selector", "matchLabels"), podLabels))
                    .toList();
            softly.assertThat(budgets).as("%s PodDisruptionBudget", service).hasSize(1);
            Map<String, Object> svc = manifest.get("Service", service);
            softly.assertThat(selects(map(svc, "spec", "selector"), podLabels)).as("%s Service selects its pods", service).isTrue();
            softly.assertThat(str(svc, "spec", "type")).as("%s Service type", service).isIn(null, "ClusterIP");
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void onlyTheGatewayAndTheConsolesAreReachableFromOutside(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Set<String> backends = new TreeSet<>();
        for (Map<String, Object> ingress : manifest.ofKind("Ingress")) {
            Set<String> tlsHosts = new HashSet<>();
            maps(ingress, "spec", "tls").forEach(tls -> list(tls, "hosts").forEach(h -> tlsHosts.add(String.valueOf(h))));
            for (Map<String, Object> rule : maps(ingress, "spec", "rules")) {
                assertThat(tlsHosts).as("TLS of Ingress %s", str(ingress, "metadata", "name")).contains(str(rule, "host"));
                for (Map<String, Object> path : maps(rule, "http", "paths")) {
                    String backend = str(path, "backend", "service", "name");
                    backends.add(backend);
                    if (!"lifecert-keycloak-service".equals(backend) && !"lifecert-blocked".equals(backend)) {
                        assertThat(maps(rule, "http", "paths")).as("%s must refuse /internal and /q from outside", backend)
                                .anySatisfy(p -> assertThat(p).extracting(p2 -> str(p2, "path"), p2 -> str(p2, "backend", "service", "name"))
                                        .containsExactly("/internal", "lifecert-blocked"))
                                .anySatisfy(p -> assertThat(p).extracting(p2 -> str(p2, "path"), p2 -> str(p2, "backend", "service", "name"))
                                        .containsExactly("/q", "lifecert-blocked"));
                    }
                }
            }
        }
        assertThat(backends).containsExactlyInAnyOrder(
                "capture-gateway", "enrollment-service", "appeal-service", "lifecert-keycloak-service", "lifecert-blocked");
        assertThat(manifest.ofKind("Service")).noneSatisfy(s ->
                assertThat(str(s, "spec", "type")).isIn("LoadBalancer", "NodePort"));

        Set<String> admittingIngressController = new TreeSet<>();
        for (String service : Manifest.SERVICE_DATABASES.keySet()) {
            for (Map<String, Object> rule : maps(policyOf(manifest, service), "spec", "ingress")) {
                assertThat(maps(rule, "from")).as("%s: an ingress rule without `from` admits everyone", service).isNotEmpty();
                for (Map<String, Object> peer : maps(rule, "from")) {
                    assertThat(peer).as("%s admits an address block", service).doesNotContainKey("ipBlock");
                    if ("ingress-nginx".equals(str(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))) {
                        admittingIngressController.add(service);
                    }
                }
            }
        }
        assertThat(admittingIngressController).containsExactlyInAnyOrderElementsOf(PUBLIC);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesReachOnlyKafkaTheirDatabaseAndTheOidcProvider(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> entry : Manifest.SERVICE_DATABASES.entrySet()) {
            String service = entry.getKey();
            Set<String> allowed = new HashSet<>(Set.of("dns", "kafka", "database:pg-" + entry.getValue(), "oidc", "otel-collector"));
            if (service.equals("capture-gateway")) {
                allowed.addAll(Set.of("service:appeal-service", "service:enrollment-service"));
            }
            if (service.equals("notification-service")) {
                allowed.add("internet");
            }
            if (service.equals("appeal-service")) {
                // the console's proxies: evidence frames, reference photos, person look-up, threshold, reminders
                allowed.addAll(Set.of("service:capture-gateway", "service:enrollment-service",
                        "service:face-match-service", "service:notification-service"));
            }
            Set<String> reached = new TreeSet<>();
            for (Map<String, Object> rule : maps(policyOf(manifest, service), "spec", "egress")) {
                softly.assertThat(maps(rule, "to")).as("%s: an egress rule without `to` reaches everything", service).isNotEmpty();
                softly.assertThat(maps(rule, "ports")).as("%s: an egress rule without ports", service).isNotEmpty();
                maps(rule, "to").forEach(peer -> reached.add(classify(peer)));
            }
            softly.assertThat(reached).as("egress of %s", service)
                    .contains("dns", "kafka", "database:pg-" + entry.getValue(), "oidc")
                    .isSubsetOf(allowed);
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceAServiceCallsLetsItIn(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (String caller : Manifest.SERVICE_DATABASES.keySet()) {
            for (Map<String, Object> rule : maps(policyOf(manifest, caller), "spec", "egress")) {
                for (Map<String, Object> peer : maps(rule, "to")) {
                    String target = classify(peer);
                    if (!target.startsWith("service:")) {
                        continue;
                    }
                    Set<String> admitted = new TreeSet<>();
                    for (Map<String, Object> in : maps(policyOf(manifest, target.substring("service:".length())), "spec", "ingress")) {
                        maps(in, "from").forEach(from -> admitted.add(classify(from)));
                    }
                    softly.assertThat(admitted).as("%s calls %s: its ingress must admit the caller", caller, target)
                            .contains("service:" + caller);
                }
            }
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceHasItsOwnDatabaseWithLogicalReplication(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        for (Map.Entry<String, String> entry : Manifest.SERVICE_DATABASES.entrySet()) {
            String database = entry.getValue();
            Map<String, Object> cluster = manifest.get("Cluster", "pg-" + database);
            assertThat(str(cluster, "spec", "bootstrap", "initdb", "database")).isEqualTo(database);
            assertThat(str(cluster, "spec", "postgresql", "parameters", "wal_level")).isEqualTo("logical");
            Map<String, Object> app = maps(manifest.get("Deployment", entry.getKey()), "spec", "template", "spec", "containers").get(0);
            assertThat(env(app, "QUARKUS_DATASOURCE_JDBC_URL")).extracting(e -> str(e, "value"))
                    .asString().startsWith("jdbc:postgresql://pg-" + database + "-rw:5432/" + database);
            assertThat(env(app, "QUARKUS_DATASOURCE_PASSWORD")).extracting(e -> str(e, "valueFrom", "secretKeyRef", "name"))
                    .isEqualTo("pg-" + database + "-app");
        }
        for (String outbox : List.of("enrollment", "gateway", "facematch", "liveness", "appeal")) {
            assertThat(maps(manifest.get("Cluster", "pg-" + outbox), "spec", "managed", "roles"))
                    .anySatisfy(role -> {
                        assertThat(role.get("name")).isEqualTo("debezium");
                        assertThat(role.get("replication")).isEqualTo(true);
                    });
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void piiKeysComeFromSecrets(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        // Who uses IdNumbers / TemplateCipher in its code (libs/platform), and nobody else.
        Map<String, Set<String>> needs = Map.of(
                "capture-gateway", Set.of("id-hash"),
                "enrollment-service", Set.of("id-hash", "templates"),
                "face-match-service", Set.of("templates"),
                "appeal-service", Set.of(),
                "liveness-service", Set.of("templates"),
                "notification-service", Set.of());
        for (Map.Entry<String, Set<String>> entry : needs.entrySet()) {
            Map<String, Object> app = maps(manifest.get("Deployment", entry.getKey()), "spec", "template", "spec", "containers").get(0);
            for (Map<String, Object> env : maps(app, "env")) {
                if (str(env, "name").startsWith("LIFECERT_PII_")) {
                    assertThat(env).as("%s %s", entry.getKey(), env.get("name")).doesNotContainKey("value");
                    assertThat(str(env, "valueFrom", "secretKeyRef", "name")).as("%s %s", entry.getKey(), env.get("name")).isNotBlank();
                }
            }
            boolean hasIdHash = env(app, "LIFECERT_PII_ID_HASH_KEY") != null;
            boolean hasTemplates = env(app, "LIFECERT_PII_TEMPLATE_KEY_ID") != null
                    && maps(app, "envFrom").stream().anyMatch(e -> "lifecert-pii-templates".equals(str(e, "secretRef", "name")));
            assertThat(hasIdHash).as("%s gets the ID hash key", entry.getKey()).isEqualTo(entry.getValue().contains("id-hash"));
            assertThat(hasTemplates).as("%s gets the template key ring", entry.getKey()).isEqualTo(entry.getValue().contains("templates"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void gatewayScalesOnCpu(String overlay) {
        Map<String, Object> hpa = Kustomize.overlay(overlay).get("HorizontalPodAutoscaler", "capture-gateway");
        assertThat(str(hpa, "spec", "scaleTargetRef", "name")).isEqualTo("capture-gateway");
        assertThat(maps(hpa, "spec", "metrics")).anySatisfy(m -> {
            assertThat(str(m, "resource", "name")).isEqualTo("cpu");
            assertThat(str(m, "resource", "target", "type")).isEqualTo("Utilization");
        });
        assertThat(Yamls.integer(hpa, "spec", "maxReplicas")).isGreaterThan(Yamls.integer(hpa, "spec", "minReplicas"));
    }

    private static Map<String, Object> policyOf(Manifest manifest, String service) {
        return manifest.get("NetworkPolicy", service);
    }

    private static Map<String, Object> env(Map<String, Object> container, String name) {
        return maps(container, "env").stream().filter(e -> name.equals(e.get("name"))).findFirst().orElse(null);
    }

    static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && selector.entrySet().stream()
                .allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }

    /** What an egress peer is, in the words of the rule "services reach only Kafka, their DB, the OIDC provider". */
    private static String classify(Map<String, Object> peer) {
        if (peer.containsKey("ipBlock")) {
            return "0.0.0.0/0".equals(str(peer, "ipBlock", "cidr")) ? "internet" : "ipBlock:" + str(peer, "ipBlock", "cidr");
        }
        Map<String, Object> pods = map(peer, "podSelector", "matchLabels");
        String namespace = str(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name");
        if ("kube-system".equals(namespace) && "kube-dns".equals(pods.get("k8s-app"))) {
            return "dns";
        }
        if ("observability".equals(namespace) && pods.isEmpty()) {
            return "otel-collector";
        }
        if (namespace != null || peer.containsKey("namespaceSelector")) {
            return "namespace:" + namespace;
        }
        if ("lifecert".equals(pods.get("strimzi.io/cluster")) && "Kafka".equals(pods.get("strimzi.io/kind"))) {
            return "kafka";
        }
        if (pods.containsKey("cnpg.io/cluster")) {
            return "database:" + pods.get("cnpg.io/cluster");
        }
        if ("keycloak".equals(pods.get("app"))) {
            return "oidc";
        }
        if (pods.containsKey("app.kubernetes.io/name") && pods.size() == 1) {
            return "service:" + pods.get("app.kubernetes.io/name");
        }
        return "pods:" + pods;
    }
}
