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
        // the attempt counts on the bureau's day it started (just before midnight in Shanghai, that is yesterday)
        LocalDate attemptDay = LocalDate.ofInstant(t.plusSeconds(5), ZoneId.of("Asia/Shanghai"));
        assertThat(numbers.getList("attemptsPerDay.day")).contains(attemptDay.toString());

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
    void dashboardChartNumbersEqualTheDatabase() throws Exception {
        String bureau = "bureau-charts";
        String clerk = TestTokens.bearer("clerk-ch", bureau, "clerk");
        Instant t = Instant.now().minusSeconds(400);
        Scenario atCounter = new Scenario(UUID.randomUUID(), bureau);
        Scenario appealing = new Scenario(UUID.randomUUID(), bureau);
        Bus.send(atCounter.enrolled(t), atCounter.template(t.plusSeconds(1)), appealing.enrolled(t), appealing.template(t.plusSeconds(1)));
        Bus.sendAll(appealing.session(t.plusSeconds(5), UUID.randomUUID(), false, true));
        Bus.sendAll(appealing.session(t.plusSeconds(60), UUID.randomUUID(), true, false));
        Bus.awaitState(atCounter.person, "DUE");
        Bus.awaitState(appealing.person, "APPEAL_UNDER_REVIEW");
        given().header("Authorization", clerk).contentType("application/json").body(Map.of("channel", "COUNTER"))
                .post("/api/v1/persons/" + atCounter.person + "/counter-certification").then().statusCode(200);

        JsonPath n = given().header("Authorization", clerk).get("/console/api/dashboard").then().statusCode(200).extract().jsonPath();
        // chart "by state" and "by channel": the same rows, summed per state / per channel of the certified
        Map<String, Integer> channels = new HashMap<>();
        for (Map<String, Object> c : n.<Map<String, Object>>getList("byStateAndChannel")) {
            if ("CERTIFIED".equals(c.get("state"))) {
                channels.merge(String.valueOf(c.get("channel")), ((Number) c.get("people")).intValue(), Integer::sum);
            }
        }
        assertThat(channels).isEqualTo(query("select channel, count(*) from certification_record where bureau = ? "
                + "and state = 'CERTIFIED' group by channel", bureau)).containsEntry("COUNTER", 1);
        // chart "appeals open vs overdue"
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(n.getLong("appealsOpen")).isEqualTo(1L).isEqualTo(count("select count(*) from certification_record "
                + "where bureau = ? and state = 'APPEAL_UNDER_REVIEW'", bureau));
        assertThat(n.getLong("appealsOverdue")).isEqualTo(count("select count(*) from certification_record where bureau = ? "
                + "and state = 'APPEAL_UNDER_REVIEW' and appeal_due < '" + today + "'", bureau));
        // chart "failures by reason": one failed match, one failed liveness
        long reasons = n.<String, Integer>getMap("failureReasons").values().stream().mapToLong(Integer::longValue).sum();
        assertThat(reasons).isGreaterThanOrEqualTo(2);
        // chart "daily attempts": every attempt stored in the bureau's records, on its day
        List<Integer> perDay = n.getList("attemptsPerDay.attempts", Integer.class);
        List<Integer> failedPerDay = n.getList("attemptsPerDay.failed", Integer.class);
        long attempts = count("select count(*) from certification_record r cross join lateral "
                + "jsonb_each(coalesce(r.doc->'attempts', cast('{}' as jsonb))) a where r.bureau = ?", bureau);
        assertThat(perDay.stream().mapToLong(Integer::longValue).sum()).isEqualTo(attempts).isEqualTo(2L);
        assertThat(failedPerDay.stream().mapToLong(Integer::longValue).sum()).isEqualTo(2L);

        // the page draws the five charts with the shared, library-free chart script
        String page = given().get("/console/dashboard.html").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"chart-progress-box\"", "id=\"chart-channel-box\"", "id=\"chart-appeals-box\"",
                "id=\"chart-reasons-box\"", "id=\"chart-daily-box\"", "/console-ui/charts.js").doesNotContain("https://");
        assertThat(given().get("/console-ui/charts.js").then().statusCode(200).extract().asString())
                .contains("LC.barChart", "LC.columnChart", "aria-labelledby", "ArrowRight");
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

    private Map<String, Integer> query(String sql, String bureau) throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, bureau);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private long count(String sql, String bureau) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, bureau);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
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
