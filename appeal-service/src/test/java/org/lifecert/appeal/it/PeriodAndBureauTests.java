package org.lifecert.appeal.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.appeal.certification.CertificationFold;
import org.lifecert.appeal.certification.Scenario;
import org.lifecert.appeal.period.JobLease;
import org.lifecert.appeal.period.PeriodJob;
import org.lifecert.events.CertificationDue;
import org.lifecert.events.CertificationOverdue;
import org.lifecert.events.CertificationRestored;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;

/** Period roll-over, overdue and restore, suspension list/CSV, rates, the job lease, tenant isolation. */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class PeriodAndBureauTests {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String CLERK_A = TestTokens.bearer("clerk-a", "bureau-a", "clerk");
    static final String CLERK_B = TestTokens.bearer("clerk-b", "bureau-b", "clerk");
    static final String REVIEWER_B = TestTokens.bearer("reviewer-b", "bureau-b", "reviewer");
    static final String ADMIN_B = TestTokens.bearer("admin-b", "bureau-b", "admin");

    @Inject
    PeriodJob job;

    @Inject
    JobLease lease;

    /** Runs the job until it gets the lease (another test's run may hold it a moment). */
    void runJob() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> job.runOnce(Instant.now()) >= 0);
    }

    @Test
    void periodRollOverMakesTheUncertifiedOverdueAndLateCertificationRestoresWithMonthsMissed() {
        Scenario s = new Scenario();
        Instant lastYear = LocalDate.now(ZONE).minusYears(1).withMonth(6).withDayOfMonth(1).atStartOfDay(ZONE).toInstant();
        String previous = String.valueOf(LocalDate.now(ZONE).getYear() - 1);
        String current = String.valueOf(LocalDate.now(ZONE).getYear());
        Bus.send(s.enrolled(lastYear), s.template(lastYear.plusSeconds(1)));
        Bus.awaitState(s.person, "DUE");
        assertThat(Bus.status(s.person).getString("period")).isEqualTo(previous);

        runJob();
        var status = Bus.awaitState(s.person, "DUE");
        assertThat(status.getString("period")).isEqualTo(current);
        var overdue = (CertificationOverdue) Bus.published(s.person, "CertificationOverdue", 1).get(0).data();
        assertThat(overdue.period()).isEqualTo(previous);
        assertThat(Bus.published(s.person, "CertificationDue", 2)).extracting(e -> ((CertificationDue) e.data()).period())
                .containsExactlyInAnyOrder(previous, current);

        YearMonth january = YearMonth.of(Integer.parseInt(current), 1);
        given().header("Authorization", CLERK_A).queryParam("month", january.toString()).get("/api/v1/suspensions")
                .then().statusCode(200).body("findAll { it.personId == '" + s.person + "' }.size()", equalTo(1));
        String csv = given().header("Authorization", CLERK_A).queryParam("month", january.toString())
                .get("/api/v1/suspensions.csv").then().statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).contains("personId,surname,idNumberMasked,period,suspendedFrom,restoredOn,monthsMissed")
                .contains(s.person + ",张,110***********1234," + previous + "," + january.atDay(1) + ",,");
        given().header("Authorization", CLERK_B).queryParam("month", january.toString()).get("/api/v1/suspensions")
                .then().statusCode(200).body("findAll { it.personId == '" + s.person + "' }.size()", equalTo(0));
        assertThat(given().header("Authorization", CLERK_B).queryParam("month", january.toString())
                .get("/api/v1/suspensions.csv").then().statusCode(200).extract().asString()).doesNotContain(s.person.toString());

        Bus.sendAll(s.session(Instant.now(), UUID.randomUUID(), true, true));
        Bus.awaitState(s.person, "CERTIFIED");
        var restored = (CertificationRestored) Bus.published(s.person, "CertificationRestored", 1).get(0).data();
        assertThat(restored.monthsMissed()).isEqualTo(
                CertificationFold.monthsMissed(january.atDay(1), LocalDate.now(ZONE)));
        YearMonth next = YearMonth.now(ZONE).plusMonths(1);
        given().header("Authorization", CLERK_A).queryParam("month", next.toString()).get("/api/v1/suspensions")
                .then().statusCode(200).body("findAll { it.personId == '" + s.person + "' }.size()", equalTo(0));

        List<Map<String, Object>> rates = given().header("Authorization", CLERK_A).queryParam("period", current)
                .get("/api/v1/certification-rates").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(rates).anySatisfy(r -> {
            assertThat(r.get("channel")).isEqualTo("SELF_SERVICE");
            assertThat(((Number) r.get("certified")).intValue()).isGreaterThanOrEqualTo(1);
        });
        assertThat(rates).anySatisfy(r -> assertThat(r.get("channel")).isEqualTo("ALL"));
        List<Map<String, Object>> previousRates = given().header("Authorization", CLERK_A).queryParam("period", previous)
                .get("/api/v1/certification-rates").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(previousRates).anySatisfy(r -> {
            assertThat(r.get("channel")).isEqualTo("ALL");
            assertThat(((Number) r.get("total")).intValue()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void rollingPeriodClosedUncertifiedIsOverdue() {
        Scenario s = new Scenario(UUID.randomUUID(), "bureau-r");
        Instant longAgo = Instant.now().minus(Duration.ofDays(90));
        Bus.send(s.enrolled(longAgo), s.template(longAgo.plusSeconds(1)));
        Bus.awaitState(s.person, "DUE");
        runJob();
        Bus.awaitState(s.person, "OVERDUE");
        Bus.published(s.person, "CertificationOverdue", 1);
    }

    @Test
    void onlyTheLeaseHolderRunsTheJob() {
        assertThat(lease.acquireAs("period-job", "other-replica", Duration.ofSeconds(2))).isTrue();
        assertThat(job.runOnce(Instant.now())).isEqualTo(-1);
        assertThat(lease.acquireAs("period-job", "third-replica", Duration.ofSeconds(2))).isFalse();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> job.runOnce(Instant.now()) >= 0);
    }

    @Test
    void bureauEndpointsShowOnlyTheCallersBureau() {
        Scenario s = new Scenario();
        Bus.send(s.enrolled(Instant.now()), s.template(Instant.now()));
        Bus.awaitState(s.person, "DUE");

        given().header("Authorization", CLERK_A).get("/api/v1/persons/{id}/certification", s.person).then()
                .statusCode(200).body("status.state", equalTo("DUE"));
        for (String other : List.of(CLERK_B, REVIEWER_B, ADMIN_B)) {
            given().header("Authorization", other).get("/api/v1/persons/{id}/certification", s.person).then()
                    .statusCode(404);
            given().header("Authorization", other).queryParam("state", "DUE").queryParam("size", 500)
                    .get("/api/v1/persons").then().statusCode(200)
                    .body("items.findAll { it.personId == '" + s.person + "' }.size()", equalTo(0));
        }
        int total = given().header("Authorization", CLERK_A).queryParam("state", "DUE").get("/api/v1/persons")
                .then().statusCode(200).extract().jsonPath().getInt("total");
        assertThat(total).isGreaterThanOrEqualTo(1);
        given().header("Authorization", CLERK_A).queryParam("state", "BOGUS").get("/api/v1/persons").then().statusCode(400);
        given().header("Authorization", CLERK_A).get("/api/v1/suspensions").then().statusCode(400)
                .body("errors[0].field", equalTo("month"));
        given().get("/api/v1/persons").then().statusCode(401);
        given().get("/api/v1/appeals").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer("nobody", "bureau-a")).get("/api/v1/persons").then().statusCode(403);
        given().header("Authorization", ADMIN_B).get("/api/v1/certification-rates").then().statusCode(200);
    }

    @Test
    void reviewerConsoleIsServedInChinese() {
        String page = given().get("/console/index.html").then().statusCode(200).extract().asString();
        assertThat(page).contains("lang=\"zh-CN\"").contains("申诉审核").contains("accesskey=\"y\"");
        given().get("/console/console.js").then().statusCode(200);
    }

    @Test
    void rebuildIsForAdminsAndCoversOnlyTheirBureau() {
        given().header("Authorization", CLERK_A).post("/api/v1/admin/rebuild").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer("admin-z", "bureau-z", "admin")).post("/api/v1/admin/rebuild")
                .then().statusCode(200).body("persons", equalTo(0)).body("eventsFolded", equalTo(0));
    }
}
