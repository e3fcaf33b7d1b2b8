package org.lifecert.facematch;

import org.lifecert.testing.frames.LoadFrames;

import org.lifecert.testing.frames.LoadRun;

import org.lifecert.testing.frames.SessionScript;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.lifecert.events.Action;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.ReferenceTemplateRegistered;
import org.lifecert.events.Topics;
import org.lifecert.face.FaceEngine;
import org.lifecert.face.FaceTemplate;
import org.lifecert.platform.pii.TemplateCipher;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestInfrastructure;

/**
 * Load run, not a test (its name keeps it out of {@code verify}); run by hand:
 * {@code ./mvnw -B -o -pl face-match-service verify -Dtest=FaceMatchLoadRun -Dsurefire.failIfNoSpecifiedTests=false
 * -Dload.sessions=20 -Dload.rates=1,0}. One person enrolled with webcam-a stills 131/291/640; every session is
 * 3 steps x 10 frames of 640x480 JPEG made from webcam-b stills 7/200/488 scaled up. Figures in target/load-run.txt.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "facematch"))
class FaceMatchLoadRun {

    @Inject
    FaceEngine engine;

    @Inject
    TemplateCipher cipher;

    @Test
    void measure() throws Exception {
        UUID person = UUID.randomUUID();
        FaceTemplate template = engine.template(java.util.Arrays.stream(FaceFrames.ENROLLED).map(FaceFrames::still).toList())
                .template().orElseThrow();
        TemplateCipher.Sealed sealed = cipher.seal(template.toBytes());
        Envelope<ReferenceTemplateRegistered> enrolled = Envelope.of("enrollment-service", person.toString(), "bureau-a",
                new ReferenceTemplateRegistered(person, UUID.randomUUID(), template.modelVersion(), sealed.keyId(),
                        sealed.base64(), 3, 0.9));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(java.util.Map.of("bootstrap.servers",
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.ENROLLMENT, person.toString(), EventCodec.shared().encodeBytes(enrolled))).get();
        }
        byte[] a = LoadFrames.vga(FaceFrames.still(FaceFrames.CAMERA[0]));
        byte[] b = LoadFrames.vga(FaceFrames.still(FaceFrames.CAMERA[1]));
        byte[] c = LoadFrames.vga(FaceFrames.still(FaceFrames.CAMERA[2]));
        Function<Integer, List<Envelope<FrameBatchCaptured>>> script = i -> new SessionScript(person)
                .step(Action.BLINK, a, b, c, a, b, c, a, b, c, a)
                .step(Action.OPEN_MOUTH, b, c, a, b, c, a, b, c, a, b)
                .step(Action.TURN_LEFT, c, a, b, c, a, b, c, a, b, c)
                .batches();
        int sessions = Integer.getInteger("load.sessions", 20);
        LoadRun.run("face-match warm-up", 3, 0, Topics.MATCH_VERDICTS, script);
        for (String rate : System.getProperty("load.rates", "1,0").split(",")) {
            LoadRun.run("face-match", sessions, Double.parseDouble(rate.trim()), Topics.MATCH_VERDICTS, script);
        }
    }
}
