package org.lifecert.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lifecert.events.BenefitType;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.EventData;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonStatus;
import org.lifecert.events.RelativeLinked;
import org.lifecert.events.Sex;
import org.lifecert.gateway.login.Captchas;
import org.lifecert.gateway.login.IdNumberCheck;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.testing.TestInfrastructure;

/** Small builders for gateway tests: enrolled people (through the real enrollment topic), logins, sessions, frames. */
public final class GatewayFixtures {

    public record TestPerson(UUID personId, String idNumber, String bureau) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaProducer<String, byte[]> producer;

    private GatewayFixtures() {
    }

    public static String newIdNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1930 + r.nextInt(40), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String first17 = "110101" + birth.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
        return IdNumberCheck.withCheckCharacter(first17);
    }

    /** Publishes PersonEnrolled on lifecert.enrollment.v1 and waits for the gateway's projection. */
    public static TestPerson enroll(String bureau, IdNumbers idNumbers, PersonDirectory directory) {
        String id = newIdNumber();
        UUID personId = UUID.randomUUID();
        send(Envelope.of("enrollment-service", personId.toString(), bureau, new PersonEnrolled(personId, idNumbers.hash(id),
                IdNumbers.mask(id), "王", "秀英", Sex.FEMALE, LocalDate.of(1948, 3, 2), BenefitType.values()[0], "抚顺",
                "13800000000", null, null, PersonStatus.ACTIVE)));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.byId(personId).isPresent());
        return new TestPerson(personId, id, bureau);
    }

    public static void link(TestPerson member, TestPerson relative, String status, PersonDirectory directory) {
        send(Envelope.of("enrollment-service", member.personId().toString(), member.bureau(),
                new RelativeLinked(UUID.randomUUID(), member.personId(), relative.personId(), "子女", status)));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.relativesOf(relative.personId()).stream()
                .anyMatch(r -> r.personId().equals(member.personId())));
    }

    public static synchronized void send(Envelope<? extends EventData> event) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfrastructure.get().kafkaBootstrapServers()),
                    new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(new ProducerRecord<>(event.topic(), event.partitionKey(), EventCodec.shared().encodeBytes(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the person's state at the appeal-service stub. */
    public static void state(String appealUrl, UUID personId, String state) {
        state(appealUrl, personId, state, null);
    }

    public static void state(String appealUrl, UUID personId, String state, LocalDate next) {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(appealUrl + "/control/" + (personId == null ? "default" : personId) + "/" + state
                    + (next == null ? "" : "?next=" + next))).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Response login(String idNumber, Captchas captchas, String address) {
        UUID captchaId = UUID.fromString(given().header("X-Forwarded-For", address).post("/api/v1/captcha")
                .then().statusCode(200).extract().path("captchaId"));
        return loginWith(idNumber, captchaId, captchas.answerOf(captchaId), address);
    }

    public static Response loginWith(String idNumber, UUID captchaId, String answer, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(Map.of("idNumber", idNumber, "captchaId", captchaId.toString(), "captchaAnswer", answer))
                .post("/api/v1/login");
    }

    public static String token(TestPerson person, Captchas captchas) {
        return login(person.idNumber(), captchas, randomAddress()).then().statusCode(200).extract().path("token");
    }

    public static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static Response startSession(String token, UUID forPerson) {
        return given().contentType(ContentType.JSON).header("X-Session-Token", token)
                .body(forPerson == null ? Map.of() : Map.of("personId", forPerson.toString())).post("/api/v1/sessions");
    }

    /** A batch body: {@code frames} JPEGs of {@code width}x{@code height}. */
    public static Map<String, Object> batch(UUID batchId, int step, String nonce, boolean lastOfSession, List<byte[]> jpegs,
            int firstSequence) {
        List<Map<String, Object>> frames = new ArrayList<>();
        for (int i = 0; i < jpegs.size(); i++) {
            frames.add(Map.of("sequence", firstSequence + i, "capturedAt", Instant.now().toString(),
                    "jpegBase64", Base64.getEncoder().encodeToString(jpegs.get(i))));
        }
        return Map.of("batchId", batchId.toString(), "stepIndex", step, "nonce", nonce, "lastBatchOfStep", true,
                "lastBatchOfSession", lastOfSession, "frames", frames);
    }

    public static Response upload(String token, UUID sessionId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("X-Session-Token", token).body(body)
                .post("/api/v1/sessions/" + sessionId + "/batches");
    }

    public static List<byte[]> jpegs(int count, int width, int height) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(jpeg(width, height, 0.8f, i));
        }
        return frames;
    }

    /** A JPEG of noise blocks whose size is within 10 % of {@code bytes}. */
    public static byte[] jpegOfAbout(int bytes, long seed) {
        double width = 320;
        byte[] jpeg = jpeg(320, 240, 0.85f, seed);
        for (int i = 0; i < 12 && Math.abs(jpeg.length - bytes) > bytes / 10; i++) {
            width = Math.max(64, width * Math.sqrt((double) bytes / jpeg.length));
            int w = (int) width / 4 * 4;
            jpeg = jpeg(w, Math.max(64, w * 3 / 4), 0.85f, seed);
        }
        return jpeg;
    }

    /** A JPEG of noise blocks; bigger dimensions and quality give bigger files. */
    public static byte[] jpeg(int width, int height, float quality, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        Random random = new Random(seed);
        for (int y = 0; y < height; y += 4) {
            for (int x = 0; x < width; x += 4) {
                g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
                g.fillRect(x, y, 4, 4);
            }
        }
        g.dispose();
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            writer.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
