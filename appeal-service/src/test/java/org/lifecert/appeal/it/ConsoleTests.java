package org.lifecert.appeal.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.lifecert.appeal.certification.Scenario;
import org.lifecert.testing.TestTokens;
import org.lifecert.testing.LifeCertTestResource;

/**
 * The console pages served by appeal-service (counter certification, dashboard, settings) and the
 * calls they make: own bureau only (another bureau's clerk gets 404 or nothing), right role only;
 * the dashboard's numbers equal counts taken straight from the database.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
class ConsoleTests {

    static final String BUREAU = "bureau-console";
    static final String CLERK = TestTokens.bearer("clerk-c", BUREAU, "clerk");
    static final String REVIEWER = TestTokens.bearer("reviewer-c", BUREAU, "reviewer");
    static final String ADMIN = TestTokens.bearer("admin-c", BUREAU, "admin");
    static final String CLERK_OTHER = TestTokens.bearer("clerk-b", "bureau-b", "clerk");

    @Inject
    DataSource db;

    @Test
    void consolePagesAreServedInChineseWithTheSharedNavigation() {
        Map<String, String> pages = Map.of("/console/counter.html", "窗口认证", "/console/dashboard.html", "认证统计",
                "/console/settings.html", "机构设置");
        pages.forEach((path, title) -> {
            String page = given().get(path).then().statusCode(200).extract().asString();
            assertThat(page).contains("lang=\"zh-CN\"").contains(title).contains("/console-ui/console.js").contains("/console-ui/console.css");
        });
        for (String js : new String[] {"/console/counter.js", "/console/dashboard.js", "/console/settings.js", "/console-ui/console.js",
                "/console-ui/states.js", "/console-ui/i18n.js"}) {
            given().get(js).then().statusCode(200);
        }
        given().header("Authorization", CLERK).get("/console/api/me").then().statusCode(200).body("bureau", equalTo(BUREAU));
    }

    @Test
    void counterCertificationRefusesAnotherBureauAndOtherRolesAndRecordsTheClerk() {
        Scenario s = new Scenario(UUID.randomUUID(), BUREAU);
        Instant t = Instant.now().minusSeconds(600);
        Bus.send(s.enrolled(t), s.template(t.plusSeconds(1)));
        Bus.awaitState(s.person, "DUE");
        String path = "/api/v1/persons/" + s.person;

        given().header("Authorization", CLERK_OTHER).get(path + "/certification").then().statusCode(404);
        given().header("Authorization", CLERK_OTHER).contentType("application/json").body(Map.of("channel", "COUNTER"))
                .post(path + "/counter-certification").then().statusCode(404);
        given().header("Authorization", CLERK_OTHER).queryParam("state", "DUE").get("/api/v1/persons").then().statusCode(200)
                .body("items.findAll { it.personId == '" + s.person + "' }.size()", equalTo(0));
        given().header("Authorization", REVIEWER).contentType("application/json").body(Map.of("channel", "COUNTER"))
                .post(path + "/counter-certification").then().statusCode(403);
        assertThat(Bus.status(s.person).getString("state")).isEqualTo("DUE");

        given().header("Authorization", CLERK).get(path + "/certification").then().statusCode(200).body("status.state", equalTo("DUE"));
        given().header("Authorization", CLERK).contentType("application/json").body(Map.of("channel", "COUNTER", "note", "本人到窗口"))
                .post(path + "/counter-certification").then().statusCode(200).body("state", equalTo("CERTIFIED"));
        given().header("Authorization", CLERK).get(path + "/certification").then().statusCode(200)
                .body("channel", equalTo("COUNTER")).body("certifiedBy", equalTo("clerk-c"));
    }

    @Test
    void dashboardNumbersEqualTheDatabaseAndShowOnlyTheCallersBureau() throws Exception {
        Instant t = Instant.now().minusSeconds(300);
        Scenario due = new Scenario(UUID.randomUUID(), BUREAU);
        Scenario failed = new Scenario(UUID.randomUUID(), BUREAU);
        Bus.send(due.enrolled(t), due.template(t.plusSeconds(1)), failed.enrolled(t), failed.template(t.plusSeconds(1)));
        Bus.sendAll(failed.session(t.plusSeconds(5), UUID.randomUUID(), false, true));
        Bus.awaitState(due.person, "DUE");
        Bus.awaitState(failed.person, "FAILED_ONCE");

        JsonPath numbers = given().header("Authorization", CLERK).get("/console/api/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(numbers.getString("bureau")).isEqualTo(BUREAU);
        Map<String, Integer> byState = new HashMap<>();
        for (Map<String, Object> c : numbers.<Map<String, Object>>getList("byStateAndChannel")) {
            byState.merge((String) c.get("state"), ((Number) c.get("people")).intValue(), Integer::sum);
        }
        assertThat(byState).isEqualTo(countsFromDatabase(BUREAU));
        assertThat(byState.get("FAILED_ONCE")).isGreaterThanOrEqualTo(1);
        assertThat(numbers.getInt("failureReasons.LOW_SIMILARITY")).isEqualTo(failuresFromDatabase(BUREAU));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(numbers.getList("attemptsPerDay.day")).contains(today.toString());

        // Another bureau's clerk sees only its own bureau's numbers.
        JsonPath other = given().header("Authorization", CLERK_OTHER).get("/console/api/dashboard").then().statusCode(200).extract().jsonPath();
        assertThat(other.getString("bureau")).isEqualTo("bureau-b");
        Map<String, Integer> otherByState = new HashMap<>();
        for (Map<String, Object> c : other.<Map<String, Object>>getList("byStateAndChannel")) {
            otherByState.merge((String) c.get("state"), ((Number) c.get("people")).intValue(), Integer::sum);
        }
        assertThat(otherByState).isEqualTo(countsFromDatabase("bureau-b"));
        given().get("/console/api/dashboard").then().statusCode(401);
    }

    @Test
    void settingsCallsAreForAdminsOnlyAndPeriodPolicyIsTheBureaus() {
        given().header("Authorization", CLERK).get("/console/api/period-policy").then().statusCode(200)
                .body("bureau", equalTo(BUREAU)).body("kind", equalTo("FIXED_YEARLY"))
                .body("currentPeriod", equalTo(String.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear())));
        for (String token : List.of(CLERK, REVIEWER)) {
            given().header("Authorization", token).get("/console/api/notification/quiet-hours").then().statusCode(403);
            given().header("Authorization", token).contentType("application/json").body(Map.of("url", "https://example.org/hook"))
                    .put("/console/api/notification/webhook").then().statusCode(403);
            given().header("Authorization", token).post("/console/api/notification/webhook/rotate-secret").then().statusCode(403);
        }
        given().get("/console/api/notification/quiet-hours").then().statusCode(401);
        // The counter page's look-up is enrollment-service's, with the caller's own token; no token, no call.
        given().contentType("application/json").body(Map.of("idNumber", "x")).post("/console/api/enrollment/lookup").then().statusCode(401);
        given().header("Authorization", ADMIN).get("/console/api/me").then().statusCode(200).body("roles", hasItem("admin"));
    }

    private Map<String, Integer> countsFromDatabase(String bureau) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("select state, count(*) from certification_record where bureau = ? group by state")) {
            st.setString(1, bureau);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return counts;
    }

    private int failuresFromDatabase(String bureau) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement st = c.prepareStatement("""
                        select count(*) from certification_record r cross join lateral jsonb_each(r.doc->'attempts') a
                        where r.bureau = ? and a.value->'match'->>'reason' = 'LOW_SIMILARITY'""")) {
            st.setString(1, bureau);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

}
