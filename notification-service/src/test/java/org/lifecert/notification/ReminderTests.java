package org.lifecert.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecert.notification.People.Person;
import org.lifecert.notification.delivery.DeliveryStore;
import org.lifecert.notification.delivery.DeliveryView;
import org.lifecert.notification.reminder.ReminderSchedule;
import org.lifecert.notification.reminder.ReminderSweeper;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(LocalChannelsResource.class)
class ReminderTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    ReminderSweeper sweeper;

    @Inject
    ReminderSchedule schedule;

    @Inject
    DeliveryStore store;

    @BeforeAll
    static void servers() {
        LocalChannels.get();
    }

    @Test
    void remindersGoOnlyToPeopleNotYetCertifiedAndOnlyOnce() {
        LocalDate deadline = LocalDate.now(SHANGHAI).plusDays(30);
        Person waiting = People.person("130101");
        Person done = People.person("130101");
        Kafka.publish(People.enrolled(waiting, "陈", "静"));
        Kafka.publish(People.enrolled(done, "杨", "帆"));
        Kafka.publish(People.due(waiting, deadline));
        Kafka.publish(People.due(done, deadline));
        await().atMost(WAIT).until(() -> schedule.statuses(waiting.id(), People.PERIOD).size() == 3
                && schedule.statuses(done.id(), People.PERIOD).size() == 3);
        Kafka.publish(People.certified(done));
        await().atMost(WAIT).until(() -> schedule.statuses(done.id(), People.PERIOD)
                .equals(List.of("P14D:CANCELLED", "P7D:CANCELLED", "P1D:CANCELLED")));

        // the clock at 10:05 on the day of the 7-day reminder: the 14- and 7-day reminders are due
        Instant sevenDaysBefore = deadline.minusDays(7).atTime(LocalTime.of(10, 5)).atZone(SHANGHAI).toInstant();
        sweeper.sweep(sevenDaysBefore);
        assertThat(schedule.statuses(waiting.id(), People.PERIOD)).containsExactly("P14D:FIRED", "P7D:FIRED", "P1D:SCHEDULED");
        assertThat(reminders(waiting)).filteredOn(d -> d.channel().equals("IN_APP")).hasSize(2)
                .allSatisfy(d -> assertThat(d.body()).contains("尚未认证").contains("避免因认证不及时造成待遇停发"));
        assertThat(reminders(waiting)).extracting(DeliveryView::channel).containsOnly("SMS", "EMAIL", "IN_APP").hasSize(6);
        assertThat(reminders(done)).isEmpty();

        // a second sweep (another replica, or this one after a restart) fires nothing again
        sweeper.sweep(sevenDaysBefore);
        assertThat(reminders(waiting)).hasSize(6);

        // once certified, the last reminder never goes
        Kafka.publish(People.certified(waiting));
        await().atMost(WAIT).until(() -> schedule.statuses(waiting.id(), People.PERIOD).contains("P1D:CANCELLED"));
        sweeper.sweep(deadline.atStartOfDay(SHANGHAI).toInstant());
        assertThat(reminders(waiting)).hasSize(6);
        await().atMost(WAIT).until(() -> LocalChannels.get().mailsTo(waiting.email()).size() == 4); // due + 2 reminders + certified
    }

    @Test
    void aPeriodOpenedAfterTheAdminSetOffsetsIsRemindedOnThoseDays() {
        String bureau = "130103";
        given().header("Authorization", TestTokens.bearer("admin-" + bureau, bureau, "admin")).contentType("application/json")
                .body(Map.of("days", List.of(30, 10, 2))).put("/api/v1/admin/bureaus/{b}/reminder-offsets", bureau)
                .then().statusCode(200);
        LocalDate deadline = LocalDate.now(SHANGHAI).plusDays(60);
        Person p = People.person(bureau);
        Person other = People.person("130104");
        Kafka.publish(People.due(p, deadline));
        Kafka.publish(People.due(other, deadline));
        await().atMost(WAIT).until(() -> schedule.statuses(p.id(), People.PERIOD).size() == 3
                && schedule.statuses(other.id(), People.PERIOD).size() == 3);
        assertThat(schedule.statuses(p.id(), People.PERIOD)).containsExactly("P30D:SCHEDULED", "P10D:SCHEDULED", "P2D:SCHEDULED");
        // a bureau that set nothing keeps the configured offsets
        assertThat(schedule.statuses(other.id(), People.PERIOD)).containsExactly("P14D:SCHEDULED", "P7D:SCHEDULED", "P1D:SCHEDULED");

        // at 10:05 ten days before the deadline, the 30- and 10-day reminders go; the 2-day one waits
        sweeper.sweep(deadline.minusDays(10).atTime(LocalTime.of(10, 5)).atZone(SHANGHAI).toInstant());
        assertThat(schedule.statuses(p.id(), People.PERIOD)).containsExactly("P30D:FIRED", "P10D:FIRED", "P2D:SCHEDULED");
        assertThat(reminders(p)).extracting(DeliveryView::channel).containsOnly("IN_APP").hasSize(2);
    }

    @Test
    void concurrentSweepsOfSeveralReplicasFireEachReminderOnce() throws Exception {
        LocalDate deadline = LocalDate.now(SHANGHAI).plusDays(20);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Person p = People.person("130102");
            people.add(p);
            Kafka.publish(People.due(p, deadline));
        }
        await().atMost(WAIT).until(() -> people.stream().allMatch(p -> schedule.statuses(p.id(), People.PERIOD).size() == 3));

        Instant lastDay = deadline.atStartOfDay(SHANGHAI).toInstant();
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> sweeps = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sweeps.add(() -> {
                    int fired = 0;
                    for (int round = 0; round < 5; round++) {
                        fired += sweeper.sweep(lastDay);
                    }
                    return fired;
                });
            }
            int total = 0;
            for (Future<Integer> f : replicas.invokeAll(sweeps)) {
                total += f.get();
            }
            total += sweeper.sweep(lastDay);
            assertThat(total).isEqualTo(people.size() * 3);
        } finally {
            replicas.shutdownNow();
        }
        for (Person p : people) {
            assertThat(schedule.statuses(p.id(), People.PERIOD)).containsExactly("P14D:FIRED", "P7D:FIRED", "P1D:FIRED");
            // unknown contact: in-app only, one per reminder
            assertThat(reminders(p)).hasSize(3).extracting(DeliveryView::channel).containsOnly("IN_APP");
        }
    }

    private List<DeliveryView> reminders(Person p) {
        return store.ofPerson(p.id()).stream().filter(d -> d.kind().equals("REMINDER")).toList();
    }
}
