package org.lifecert.systemtests.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.lifecert.systemtests.clients.Attempts;
import org.lifecert.systemtests.clients.Certification;
import org.lifecert.systemtests.clients.Enrollment;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.stack.Api;

/**
 * The recipients of a load run, made ready before it starts: DUE for the current period with the
 * webcam person's reference photos. One roster import for the whole pool (a bureau imports its
 * roster in one file), then per person the counter photo and the declined collection, as
 * {@link Enrollment#importExisting} does for one. Each prepared recipient certifies once.
 */
final class RecipientPool {

    private final ConcurrentLinkedQueue<TestPerson> ready = new ConcurrentLinkedQueue<>();
    private int failed;

    static RecipientPool prepare(int size, int threads) throws InterruptedException {
        RecipientPool pool = new RecipientPool();
        List<TestPerson> people = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        while (people.size() < size) {
            TestPerson p = TestPerson.random();
            if (ids.add(p.idNumber())) {
                people.add(p);
            }
        }
        importRoster(people);
        ExecutorService prep = Executors.newFixedThreadPool(threads);
        for (TestPerson p : people) {
            prep.submit(() -> pool.makeDue(p));
        }
        prep.shutdown();
        prep.awaitTermination(60, TimeUnit.MINUTES);
        return pool;
    }

    private static void importRoster(List<TestPerson> people) {
        StringBuilder csv = new StringBuilder("中文姓,中文名,中国身份证号,性别,出生日期,待遇类型,养老金发放地,手机号码,电子邮箱\n");
        for (TestPerson p : people) {
            csv.append(String.join(",", p.surname(), p.givenName(), p.idNumber(), p.sex(), p.birthDate().toString(),
                    "养老退休", "抚顺市", p.phone(), p.email())).append('\n');
        }
        Api clerk = Api.of(Enrollment.SERVICE).as("clerk");
        JsonNode started = clerk.postBytes("/api/v1/roster-imports?charset=UTF-8&fileName=load-pool.csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8)).expect(202).json();
        String importId = started.path("importId").asText(started.path("id").asText());
        Awaitility.await("roster import " + importId).atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !"RUNNING".equals(Api.of(Enrollment.SERVICE).as("clerk").get("/api/v1/roster-imports/" + importId)
                        .expect(200).json().path("status").asText()));
    }

    /**
     * One retry, for a transient refusal. Keycloak refused concurrent password grants of the clerk
     * (invalid_grant "Invalid user credentials" for the right password, 2 of 80 in the 17:53 run; then
     * user_temporarily_disabled, 4 of 1600 preparations failed at 12-05 12:43): brute-force protection
     * blocks concurrent logins of one user, so {@link org.lifecert.systemtests.stack.Tokens} now grants
     * one at a time per user.
     */
    private void makeDue(TestPerson p) {
        try {
            makeDueOnce(p);
        } catch (RuntimeException | AssertionError first) {
            try {
                makeDueOnce(p);
            } catch (RuntimeException | AssertionError e) {
                synchronized (this) {
                    failed++;
                }
                System.err.println("preparation of a recipient failed twice: " + first.getMessage() + " / " + e.getMessage());
                return;
            }
        }
        ready.add(p);
    }

    private void makeDueOnce(TestPerson p) {
        Api clerk = Api.of(Enrollment.SERVICE).as("clerk");
        JsonNode person = clerk.post("/api/v1/persons/lookup", Map.of("idNumber", p.idNumber())).expect(200).json();
        UUID id = UUID.fromString(person.path("id").asText());
        Enrollment.uploadFirstAccepted("clerk", id, Attempts.webcamPersonReferencePhotos(), "image/jpeg");
        JsonNode collection = Enrollment.pendingCollectionOf("reviewer", id);
        Enrollment.review("reviewer", UUID.fromString(collection.path("collectionId").asText()), false,
                "本期请本人自助认证（负载测试）").expect(200);
        Certification.awaitState(id, "DUE", Duration.ofSeconds(120));
    }

    /** The next prepared recipient, or null when the pool is used up. */
    TestPerson next() {
        return ready.poll();
    }

    int size() {
        return ready.size();
    }

    synchronized int failed() {
        return failed;
    }
}
