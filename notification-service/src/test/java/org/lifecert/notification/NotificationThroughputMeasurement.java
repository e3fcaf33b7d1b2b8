package org.lifecert.notification;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lifecert.notification.People.Person;
import org.lifecert.testing.LifeCertTestResource;

/**
 * Messages per second through the whole path: PersonCertified on Kafka -> consumer (inbox, plan,
 * Qute render, deliveries stored) -> dispatcher -> local SMTP (GreenMail) and local SMS gateway.
 * Not part of {@code verify} (no *Tests suffix); run it with
 * {@code ./mvnw -B -o -pl notification-service verify -Dtest=NotificationThroughputMeasurement -Dbench.events=2000}.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(LocalChannelsResource.class)
class NotificationThroughputMeasurement {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void measure() throws Exception {
        int events = Integer.getInteger("bench.events", 2000);
        LocalChannels channels = LocalChannels.get();
        String bureau = "bench" + System.nanoTime() % 100000;
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Person p = People.person(bureau);
            people.add(p);
            Kafka.producer().send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    org.lifecert.events.Topics.ENROLLMENT, p.id().toString(),
                    org.lifecert.events.EventCodec.shared().encodeBytes(People.enrolled(p, "张", "秀英"))));
        }
        Kafka.producer().flush();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from person_contact where bureau = ?", bureau) == events);

        int mailsBefore = channels.mailCount();
        int smsBefore = channels.requests("/sms").size();
        long start = System.nanoTime();
        for (Person p : people) {
            Kafka.producer().send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                    org.lifecert.events.Topics.CERTIFICATION, p.id().toString(),
                    org.lifecert.events.EventCodec.shared().encodeBytes(People.certified(p))));
        }
        Kafka.producer().flush();
        long published = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("select count(*) from delivery where bureau = ? and kind = 'CERTIFIED'", bureau) == 3L * events);
        long planned = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> channels.mailCount() - mailsBefore >= events && channels.requests("/sms").size() - smsBefore >= events);
        long done = System.nanoTime();

        double seconds = (done - start) / 1e9;
        double outbound = 2.0 * events; // one e-mail and one SMS per event (in-app is stored, not sent)
        System.out.printf("%n[bench] %d PersonCertified events, %d e-mails + %d SMS + %d in-app%n", events, events, events, events);
        System.out.printf("[bench] publish %.2fs, all deliveries planned after %.2fs, all sent after %.2fs%n",
                (published - start) / 1e9, (planned - start) / 1e9, seconds);
        System.out.printf("[bench] events/s %.1f | planned deliveries/s %.1f | sent messages/s (SMTP+SMS) %.1f | e-mails/s %.1f%n%n",
                events / seconds, 3.0 * events / ((planned - start) / 1e9), outbound / seconds, events / seconds);
    }

    private long count(String sql, String bureau) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, bureau);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
