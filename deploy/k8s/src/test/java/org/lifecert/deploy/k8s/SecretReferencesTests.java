package org.lifecert.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecert.deploy.k8s.Yamls.map;
import static org.lifecert.deploy.k8s.Yamls.maps;
import static org.lifecert.deploy.k8s.Yamls.str;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every Secret a resource refers to has a source: an operator generates it, an ExternalSecret (prod)
 * or the dev script (dev) creates it. A typo in a Secret name would otherwise surface only as a pod
 * stuck in CreateContainerConfigError on the day of the rollout.
 */
class SecretReferencesTests {

    private static final Pattern DEV_SCRIPT_LOOP = Pattern.compile("for db in ([a-z ]+); do");
    private static final Pattern DEV_SCRIPT_SECRET = Pattern.compile("^\\s*create\\s+\"?([a-z0-9$][a-z0-9{}$-]*)\"?", Pattern.MULTILINE);

    @Test
    void everySecretProdRefersToIsGeneratedOrAnExternalSecret() {
        Manifest prod = Kustomize.overlay("prod");
        Set<String> provided = generatedSecrets(prod);
        prod.ofKind("ExternalSecret").forEach(es -> provided.add(str(es, "spec", "target", "name")));
        assertThat(referencedSecrets(prod)).isSubsetOf(provided);
    }

    @Test
    void everySecretDevRefersToIsGeneratedOrCreatedByTheDevScript() throws IOException {
        Manifest dev = Kustomize.overlay("dev");
        Set<String> provided = generatedSecrets(dev);
        String script = Files.readString(Kustomize.moduleDir().resolve("overlays/dev/create-dev-secrets.sh"));
        Matcher loop = DEV_SCRIPT_LOOP.matcher(script);
        String[] databases = loop.find() ? loop.group(1).trim().split("\\s+") : new String[0];
        Matcher m = DEV_SCRIPT_SECRET.matcher(script);
        while (m.find()) {
            String name = m.group(1);
            if (name.contains("$db")) {
                for (String db : databases) {
                    provided.add(name.replace("${db}", db).replace("$db", db));
                }
            } else {
                provided.add(name);
            }
        }
        assertThat(referencedSecrets(dev)).isSubsetOf(provided);
    }

    /** Secrets the operators write: CNPG app users, Strimzi users and cluster CA, cert-manager's TLS. */
    private static Set<String> generatedSecrets(Manifest manifest) {
        Set<String> names = new TreeSet<>();
        manifest.ofKind("Cluster").forEach(c -> names.add(str(c, "metadata", "name") + "-app"));
        manifest.ofKind("KafkaUser").stream()
                .filter(u -> map(u, "spec", "authentication", "password").isEmpty())
                .forEach(u -> names.add(str(u, "metadata", "name")));
        manifest.ofKind("Kafka").forEach(k -> names.add(str(k, "metadata", "name") + "-cluster-ca-cert"));
        manifest.ofKind("Ingress").forEach(i -> maps(i, "spec", "tls").forEach(t -> names.add(str(t, "secretName"))));
        return names;
    }

    private static Set<String> referencedSecrets(Manifest manifest) {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> resource : manifest.resources()) {
            collect(resource, names);
        }
        return names;
    }

    /** Walks a resource for the shapes that name a Secret. */
    private static void collect(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object value = e.getValue();
                switch (key) {
                    case "secretKeyRef", "secretRef", "passwordSecret", "usernameSecret" -> addName(value, names);
                    // a pod volume (secretName) or a KeycloakRealmImport placeholder (name)
                    case "secret" -> {
                        addName(value, names, "secretName");
                        addName(value, names, "name");
                    }
                    case "secretTargetRef" -> maps(map, "secretTargetRef").forEach(r -> names.add(str(r, "name")));
                    case "pushSecret" -> names.add(String.valueOf(value));
                    default -> {
                    }
                }
                if (key.equals("passwordSecret") && value instanceof Map<?, ?> m && m.containsKey("secretName")) {
                    names.add(String.valueOf(m.get("secretName")));
                }
                collect(value, names);
            }
        } else if (node instanceof Iterable<?> list) {
            list.forEach(item -> collect(item, names));
        }
    }

    private static void addName(Object value, Set<String> names) {
        addName(value, names, "name");
    }

    private static void addName(Object value, Set<String> names, String field) {
        if (value instanceof Map<?, ?> m && m.get(field) != null) {
            names.add(String.valueOf(m.get(field)));
        }
    }
}
