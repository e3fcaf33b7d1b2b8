package org.lifecert.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lifecert.deploy.k8s.Yamls.integer;
import static org.lifecert.deploy.k8s.Yamls.list;
import static org.lifecert.deploy.k8s.Yamls.map;
import static org.lifecert.deploy.k8s.Yamls.maps;
import static org.lifecert.deploy.k8s.Yamls.str;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.lifecert.events.Topics;

/** Kafka as Strimzi renders it: topics, users and ACLs, Debezium on Kafka Connect, the KEDA bound. */
class KafkaManifestsTests {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    private static final long ONE_DAY_MS = 86_400_000L;
    private static final long THIRTY_DAYS_MS = 30 * ONE_DAY_MS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicAndItsDeadLetterTwinHasAKafkaTopic(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Set<String> declared = manifest.ofKind("KafkaTopic").stream()
                .map(t -> str(t, "spec", "topicName"))
                .collect(Collectors.toSet());
        assertThat(declared).containsAll(Topics.allWithDlq());
        assertThat(manifest.ofKind("KafkaTopic"))
                .allSatisfy(t -> assertThat(str(t, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("lifecert"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void framesAreKeptBrieflyAndEventsLong(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        SoftAssertions softly = new SoftAssertions();
        for (String topic : Topics.all()) {
            long retention = retentionMs(manifest, topic);
            if (topic.equals(Topics.CAPTURE_FRAMES)) {
                softly.assertThat(retention).as("%s retention (biometric data)", topic).isPositive().isLessThanOrEqualTo(ONE_DAY_MS);
                softly.assertThat(retentionMs(manifest, Topics.dlq(topic))).as("%s retention", Topics.dlq(topic))
                        .isPositive().isLessThanOrEqualTo(ONE_DAY_MS);
            } else {
                softly.assertThat(retention).as("%s retention (events are replayed)", topic)
                        .satisfiesAnyOf(r -> assertThat(r).isEqualTo(-1L), r -> assertThat(r).isGreaterThanOrEqualTo(365 * ONE_DAY_MS));
                softly.assertThat(retentionMs(manifest, Topics.dlq(topic))).as("%s retention", Topics.dlq(topic))
                        .isGreaterThanOrEqualTo(THIRTY_DAYS_MS);
            }
        }
        softly.assertAll();
    }

    @Test
    void prodReplicatesEveryTopicThreeTimesWithTwoInSync() {
        Manifest prod = Kustomize.overlay("prod");
        assertThat(prod.ofKind("KafkaTopic")).hasSizeGreaterThanOrEqualTo(Topics.allWithDlq().size())
                .allSatisfy(t -> {
                    assertThat(integer(t, "spec", "replicas")).as("replicas of %s", str(t, "spec", "topicName")).isEqualTo(3);
                    assertThat(integer(t, "spec", "config", "min.insync.replicas"))
                            .as("min.insync.replicas of %s", str(t, "spec", "topicName")).isEqualTo(2);
                });
        Map<String, Object> kafka = prod.get("Kafka", "lifecert");
        assertThat(integer(kafka, "spec", "kafka", "config", "default.replication.factor")).isEqualTo(3);
        assertThat(integer(kafka, "spec", "kafka", "config", "min.insync.replicas")).isEqualTo(2);
        assertThat(integer(kafka, "spec", "kafka", "config", "offsets.topic.replication.factor")).isEqualTo(3);
        assertThat(integer(prod.get("KafkaNodePool", "broker"), "spec", "replicas")).isGreaterThanOrEqualTo(3);
        assertThat(integer(prod.get("KafkaNodePool", "controller"), "spec", "replicas")).isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaRunsInKraftModeWithAuthenticatedListenersOnly(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Map<String, Object> kafka = manifest.get("Kafka", "lifecert");
        assertThat(map(kafka, "spec")).doesNotContainKey("zookeeper");
        assertThat(manifest.ofKind("KafkaNodePool")).extracting(p -> list(p, "spec", "roles"))
                .anySatisfy(roles -> assertThat(roles).contains("controller"))
                .anySatisfy(roles -> assertThat(roles).contains("broker"));
        assertThat(maps(kafka, "spec", "kafka", "listeners")).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.get("tls")).as("listener %s tls", listener.get("name")).isEqualTo(true);
            assertThat(str(listener, "authentication", "type")).as("listener %s authentication", listener.get("name")).isNotBlank();
        });
        assertThat(str(kafka, "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat(at(kafka, "spec", "kafka", "config", "auto.create.topics.enable")).isEqualTo(false);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaUsersReachOnlyTheirOwnTopicsAndConsumerGroups(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Set<String> topics = Set.copyOf(Topics.allWithDlq());
        SoftAssertions softly = new SoftAssertions();
        for (String service : Manifest.SERVICE_DATABASES.keySet()) {
            Map<String, Object> user = manifest.get("KafkaUser", service);
            softly.assertThat(str(user, "spec", "authentication", "type")).as("%s authentication", service).isEqualTo("scram-sha-512");
            for (Map<String, Object> acl : maps(user, "spec", "authorization", "acls")) {
                String type = str(acl, "resource", "type");
                String name = str(acl, "resource", "name");
                String pattern = str(acl, "resource", "patternType");
                softly.assertThat(name).as("%s ACL name", service).isNotEqualTo("*");
                if ("topic".equals(type)) {
                    softly.assertThat(pattern).as("%s topic ACL %s pattern", service, name).isEqualTo("literal");
                    softly.assertThat(topics).as("%s topic ACL", service).contains(name);
                } else if ("group".equals(type)) {
                    // Groups carry the service's name: capture-gateway, enrollment-relatives, liveness-service...
                    softly.assertThat(name).as("%s group ACL", service).startsWith(service.replace("-service", ""));
                } else {
                    softly.fail("%s has an ACL on %s %s; services need topics and their own groups only", service, type, name);
                }
            }
        }
        // The frames carry faces: only the gateway writes them, only the two workers read them.
        softly.assertThat(principalsWith(manifest, Topics.CAPTURE_FRAMES, "Write")).containsExactly("capture-gateway");
        softly.assertThat(principalsWith(manifest, Topics.CAPTURE_FRAMES, "Read"))
                .containsExactlyInAnyOrder("face-match-service", "liveness-service");
        // Topics fed by outboxes are written by Debezium only.
        for (String topic : List.of(Topics.ENROLLMENT, Topics.CAPTURE_SESSIONS, Topics.MATCH_VERDICTS,
                Topics.LIVENESS_VERDICTS, Topics.CERTIFICATION)) {
            softly.assertThat(principalsWith(manifest, topic, "Write")).as("writers of %s", topic).containsExactly("lifecert-connect");
        }
        softly.assertAll();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void outboxConnectorsRouteLikeTheEmbeddedRelay(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        Map<String, Object> connect = manifest.get("KafkaConnect", "lifecert-connect");
        assertThat(str(connect, "metadata", "annotations", "strimzi.io/use-connector-resources")).isEqualTo("true");
        assertThat(str(connect, "spec", "config", "value.converter")).isEqualTo("org.apache.kafka.connect.storage.StringConverter");
        // Every service that calls Outbox#publish: enrollment, gateway sessions, match and liveness verdicts, appeal.
        for (String database : List.of("enrollment", "gateway", "facematch", "liveness", "appeal")) {
            Map<String, Object> connector = manifest.get("KafkaConnector", database + "-outbox");
            Map<String, Object> config = map(connector, "spec", "config");
            assertThat(str(connector, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("lifecert-connect");
            assertThat(str(connector, "spec", "class")).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
            assertThat(config)
                    .containsEntry("database.hostname", "pg-" + database + "-rw")
                    .containsEntry("database.dbname", database)
                    .containsEntry("plugin.name", "pgoutput")
                    .containsEntry("publication.name", "lifecert_outbox")
                    .containsEntry("publication.autocreate.mode", "disabled")
                    .containsEntry("table.include.list", "public.outbox_event")
                    .containsEntry("slot.name", "lifecert_outbox_" + database)
                    .containsEntry("poll.interval.ms", 20)
                    .containsEntry("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter")
                    .containsEntry("transforms.outbox.route.by.field", "aggregatetype")
                    .containsEntry("transforms.outbox.route.topic.replacement", "${routedByValue}")
                    .containsEntry("transforms.outbox.table.field.event.key", "aggregateid");
            assertThat(str(config, "database.password")).as("password of %s comes from a mounted Secret", database)
                    .startsWith("${dir:");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void workerAutoscalingNeverExceedsTheFramesPartitions(String overlay) {
        Manifest manifest = Kustomize.overlay(overlay);
        int partitions = manifest.ofKind("KafkaTopic").stream()
                .filter(t -> Topics.CAPTURE_FRAMES.equals(str(t, "spec", "topicName")))
                .map(t -> integer(t, "spec", "partitions"))
                .findFirst().orElseThrow();
        Map<String, String> concurrencyVariables = Map.of(
                "face-match-service", "LIFECERT_FACEMATCH_CONCURRENCY",
                "liveness-service", "LIFECERT_LIVENESS_CONCURRENCY");
        for (String worker : List.of("face-match-service", "liveness-service")) {
            Map<String, Object> scaled = manifest.get("ScaledObject", worker);
            assertThat(str(scaled, "spec", "scaleTargetRef", "name")).isEqualTo(worker);
            assertThat(integer(scaled, "spec", "minReplicaCount")).as("%s min", worker).isGreaterThanOrEqualTo(1);
            assertThat(integer(scaled, "spec", "maxReplicaCount")).as("%s max vs %d partitions", worker, partitions)
                    .isGreaterThanOrEqualTo(integer(scaled, "spec", "minReplicaCount"))
                    .isLessThanOrEqualTo(partitions);
            // Each pod runs <concurrency> consumers of the group: all of them need a partition.
            Map<String, Object> app = maps(manifest.get("Deployment", worker), "spec", "template", "spec", "containers").get(0);
            int threads = maps(app, "env").stream()
                    .filter(e -> concurrencyVariables.get(worker).equals(e.get("name")))
                    .map(e -> Integer.parseInt(str(e, "value")))
                    .findFirst().orElseThrow(() -> new AssertionError(worker + " sets no " + concurrencyVariables.get(worker)));
            assertThat(integer(scaled, "spec", "maxReplicaCount") * threads)
                    .as("%s consumers at max scale (%d threads per pod) vs %d partitions", worker, threads, partitions)
                    .isLessThanOrEqualTo(partitions);
            assertThat(maps(scaled, "spec", "triggers")).singleElement().satisfies(trigger -> {
                assertThat(trigger.get("type")).isEqualTo("kafka");
                assertThat(str(trigger, "metadata", "topic")).isEqualTo(Topics.CAPTURE_FRAMES);
                assertThat(str(trigger, "metadata", "consumerGroup")).isEqualTo(worker);
                assertThat(str(trigger, "authenticationRef", "name")).isNotBlank();
            });
        }
    }

    private static long retentionMs(Manifest manifest, String topic) {
        return manifest.ofKind("KafkaTopic").stream()
                .filter(t -> topic.equals(str(t, "spec", "topicName")))
                .map(t -> Long.parseLong(str(t, "spec", "config", "retention.ms")))
                .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic " + topic));
    }

    private static Set<String> principalsWith(Manifest manifest, String topic, String operation) {
        return manifest.ofKind("KafkaUser").stream()
                .filter(user -> maps(user, "spec", "authorization", "acls").stream().anyMatch(acl ->
                        "topic".equals(str(acl, "resource", "type"))
                                && topic.equals(str(acl, "resource", "name"))
                                && list(acl, "operations").contains(operation)))
                .map(user -> str(user, "metadata", "name"))
                .collect(Collectors.toSet());
    }

    private static Object at(Object node, Object... path) {
        return Yamls.at(node, path);
    }
}
