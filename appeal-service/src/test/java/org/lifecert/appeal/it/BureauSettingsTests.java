package org.lifecert.appeal.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lifecert.appeal.calendar.CalendarDay;
import org.lifecert.appeal.certification.Scenario;
import org.lifecert.appeal.period.EffectiveBureauRules;
import org.lifecert.appeal.period.PeriodJob;
import org.lifecert.appeal.period.PeriodPolicy;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.LockRace;
import org.lifecert.testing.TestTokens;

/**
 * The bureau settings page's APIs: period policy, holiday calendar (import, list, delete, appeal due
 * dates), match threshold and reminder offsets (proxied to a real HTTP server standing in for
 * face-match-service and notification-service). Admin only for changes, and every endpoint answers for
 * the caller's own bureau only.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "appeal"))
@QuarkusTestResource(StubServices.class)
class BureauSettingsTests {

    static String admin(String bureau) {
        return TestTokens.bearer("admin-" + bureau, bureau, "admin");
    }

    static String clerk(String bureau) {
        return TestTokens.bearer("clerk-" + bureau, bureau, "clerk");
    }

    static String reviewer(String bureau) {
        return TestTokens.bearer("reviewer-" + bureau, bureau, "reviewer");
    }

    @Inject
    EffectiveBureauRules rules;

    @Test
    void settingsPageHasEveryControlUnderAStableId() {
        String page = given().get("/console/settings.html").then().statusCode(200).extract().asString();
        for (String id : List.of("p-kind-fixed", "p-kind-rolling", "p-window-start", "p-window-end", "p-rolling-months",
                "p-rolling-open-days", "p-save", "r-days", "r-save", "t-value", "t-far", "t-save", "h-year", "h-file", "h-import",
                "h-show", "h-bureau-days", "h-national", "q-start", "q-end", "q-zone", "q-save", "w-url", "w-enabled", "w-save",
                "rotate", "copy")) {
            assertThat(page).as(id).contains("id=\"" + id + "\"");
        }
        assertThat(page).contains("认证期规则", "提醒时间", "人脸比对阈值", "节假日日历", "免打扰时段").doesNotContain("https://cdn");
        given().get("/console/settings.js").then().statusCode(200);
    }

    @Inject
    PeriodJob job;

    @Test
    void periodPolicySetInTheConsoleIsUsedByTheFoldAndThePeriodJob() {
        String bureau = "bureau-set-r";
        given().header("Authorization", admin(bureau)).contentType("application/json")
                .body(Map.of("kind", "ROLLING", "rollingMonths", 6, "rollingOpenDays", 30))
                .put("/console/api/period-policy").then().statusCode(200);
        Scenario s = new Scenario(UUID.randomUUID(), bureau);
        Instant longAgo = Instant.now().minus(Duration.ofDays(90));
        Bus.send(s.enrolled(longAgo), s.template(longAgo.plusSeconds(1)));
        // configured bureaus get the yearly period "2026"; this one the rolling first period R<known + 30 days>
        assertThat(Bus.awaitState(s.person, "DUE").getString("period")).startsWith("R");
        job.runOnce(Instant.now()); // the rolling period ended 60 days ago: the job marks the person overdue
        Bus.awaitState(s.person, "OVERDUE");
        Bus.published(s.person, "CertificationOverdue", 1);
    }

    @Test
    void everySettingsEndpointIsInTheOpenApiDocument() {
        String doc = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(doc).contains("/console/api/period-policy", "/console/api/calendar/{year}/import",
                "/console/api/calendar/days/{day}", "/console/api/calendar/appeal-due", "/console/api/match-threshold",
                "/console/api/notification/reminder-offsets", "Change the caller's bureau's period policy (admin)");
    }

    @Test
    void adminSetsARollingPolicyOnlyForTheirOwnBureau() {
        String a = "bureau-set-a";
        String b = "bureau-set-b";
        given().header("Authorization", admin(a)).get("/console/api/period-policy").then().statusCode(200)
                .body("kind", equalTo("FIXED_YEARLY")).body("source", equalTo("configuration")).body("editable", equalTo(true));
        given().header("Authorization", admin(a)).contentType("application/json")
                .body(Map.of("kind", "ROLLING", "rollingMonths", 6, "rollingOpenDays", 30))
                .put("/console/api/period-policy").then().statusCode(200)
                .body("bureau", equalTo(a)).body("kind", equalTo("ROLLING")).body("rollingMonths", equalTo(6))
                .body("rollingOpenDays", equalTo(30)).body("source", equalTo("console")).body("updatedBy", equalTo("admin-" + a));
        assertThat(rules.periodPolicy(a)).isEqualTo(new PeriodPolicy.Rolling(6, 30));

        // another bureau still has its configured policy, and cannot change bureau a's (there is no bureau parameter)
        given().header("Authorization", admin(b)).get("/console/api/period-policy").then().statusCode(200)
                .body("bureau", equalTo(b)).body("kind", equalTo("FIXED_YEARLY")).body("source", equalTo("configuration"));
        given().header("Authorization", admin(b)).contentType("application/json")
                .body(Map.of("kind", "FIXED_YEARLY", "windowStart", "03-01", "windowEnd", "02-10"))
                .put("/console/api/period-policy").then().statusCode(200).body("bureau", equalTo(b))
                .body("windowStart", equalTo("03-01")).body("windowEnd", equalTo("02-10"));
        assertThat(rules.periodPolicy(a)).isEqualTo(new PeriodPolicy.Rolling(6, 30));
        assertThat(rules.periodPolicy(b)).isInstanceOf(PeriodPolicy.FixedYearly.class);

        // clerks and reviewers read it but cannot change it; no token, no answer
        given().header("Authorization", clerk(a)).get("/console/api/period-policy").then().statusCode(200)
                .body("kind", equalTo("ROLLING")).body("editable", equalTo(false));
        for (String token : List.of(clerk(a), reviewer(a))) {
            given().header("Authorization", token).contentType("application/json")
                    .body(Map.of("kind", "ROLLING", "rollingMonths", 12, "rollingOpenDays", 60))
                    .put("/console/api/period-policy").then().statusCode(403);
        }
        given().contentType("application/json").body(Map.of("kind", "ROLLING")).put("/console/api/period-policy").then().statusCode(401);
        assertThat(rules.periodPolicy(a)).isEqualTo(new PeriodPolicy.Rolling(6, 30));
    }

    @Test
    void badPeriodPoliciesAreRefusedWithChineseMessages() {
        String a = "bureau-set-c";
        Map<Map<String, Object>, String> bad = Map.of(
                Map.<String, Object>of("kind", "WEEKLY"), "kind",
                Map.<String, Object>of("kind", "FIXED_YEARLY", "windowStart", "13-01", "windowEnd", "12-31"), "windowStart",
                Map.<String, Object>of("kind", "FIXED_YEARLY", "windowStart", "01-01", "windowEnd", "02-30"), "windowEnd",
                Map.<String, Object>of("kind", "FIXED_YEARLY", "windowStart", "02-29", "windowEnd", "12-31"), "windowStart",
                Map.<String, Object>of("kind", "FIXED_YEARLY", "windowStart", "05-01", "windowEnd", "05-01"), "windowEnd",
                Map.<String, Object>of("kind", "ROLLING", "rollingMonths", 0, "rollingOpenDays", 30), "rollingMonths",
                Map.<String, Object>of("kind", "ROLLING", "rollingMonths", 1, "rollingOpenDays", 40), "rollingOpenDays");
        bad.forEach((body, field) -> given().header("Authorization", admin(a)).contentType("application/json").body(body)
                .put("/console/api/period-policy").then().statusCode(400).body("errors.field", hasItem(field))
                .body("message", not(nullValue())));
        given().header("Authorization", admin(a)).contentType("application/json")
                .body(Map.of("kind", "FIXED_YEARLY", "windowStart", "01-01", "windowEnd", "02-30"))
                .put("/console/api/period-policy").then().statusCode(400)
                .body("errors[0].message", equalTo("没有这一天，请输入正确的月-日，如 12-31"));
        given().header("Authorization", admin(a)).get("/console/api/period-policy").then().statusCode(200)
                .body("source", equalTo("configuration"));
    }

    @Test
    void appealDueDatesFollowNationalHolidaysWorkedWeekendsAndTheBureausImportedHolidays() {
        String a = "bureau-cal-a";
        String b = "bureau-cal-b";
        // opened Monday 2026-09-28: 9/29, 9/30, National Day 10/1-10/7 off, 10/8, 10/9, Saturday 10/10 worked (调休),
        // 10/12 … 10/16 → the 10th working day is Friday 2026-10-16 (weekends only would give 10/12)
        given().header("Authorization", clerk(a)).get("/console/api/calendar/appeal-due?opened=2026-09-28").then().statusCode(200)
                .body("dueDate", equalTo("2026-10-16")).body("workingDays", equalTo(10));
        // opened Friday 2026-09-18: Sunday 9/20 is worked (调休), 中秋节 9/25-9/27 and National Day are off:
        // 9/20(1) 9/21(2) 9/22(3) 9/23(4) 9/24(5) 9/28(6) 9/29(7) 9/30(8) 10/8(9) 10/9(10)
        given().header("Authorization", clerk(a)).get("/console/api/calendar/appeal-due?opened=2026-09-18").then().statusCode(200)
                .body("dueDate", equalTo("2026-10-09"));

        String csv = "\uFEFFdate,name,kind\n2026-10-14,本市纪念日,holiday\n2026-10-18,调休上班,workday\n";
        given().header("Authorization", admin(a)).contentType("text/csv; charset=UTF-8").body(csv).post("/console/api/calendar/2026/import")
                .then().statusCode(200).body("imported", equalTo(2)).body("bureauDays", hasSize(2))
                .body("bureauDays[0].importedBy", equalTo("admin-" + a));
        // bureau a: 10/14 off → 10/15(8) 10/16(9) and Sunday 10/18 worked → due 2026-10-18
        given().header("Authorization", clerk(a)).get("/console/api/calendar/appeal-due?opened=2026-09-28").then().statusCode(200)
                .body("dueDate", equalTo("2026-10-18"));
        // bureau b is not affected
        given().header("Authorization", clerk(b)).get("/console/api/calendar/appeal-due?opened=2026-09-28").then().statusCode(200)
                .body("dueDate", equalTo("2026-10-16"));
        // the fold's calendar for bureau a (effective rules) has the imported days too
        assertThat(rules.calendar(a).isWorkingDay(java.time.LocalDate.of(2026, 10, 14))).isFalse();
        assertThat(rules.calendar(b).isWorkingDay(java.time.LocalDate.of(2026, 10, 14))).isTrue();
    }

    @Inject
    org.lifecert.appeal.calendar.StoredCalendarDays storedDays;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void twoImportsOfTheSameYearAtOnceTakeTurnsAndTheLaterFileIsKept() throws Exception {
        String a = "bureau-cal-e";
        // the first import has replaced the year and not yet committed when the second file is posted
        var second = LockRace.secondWhileFirstHolds(work -> QuarkusTransaction.requiringNew().run(work),
                () -> storedDays.replaceYear(a, 2027, List.of(
                        new CalendarDay(java.time.LocalDate.of(2027, 12, 24), CalendarDay.Kind.HOLIDAY, "平安夜"),
                        new CalendarDay(java.time.LocalDate.of(2027, 12, 25), CalendarDay.Kind.HOLIDAY, "圣诞节")), "admin-1"),
                () -> given().header("Authorization", admin(a)).contentType("text/csv; charset=UTF-8")
                        .body("2027-12-25,圣诞节,holiday\n2027-12-31,除夕前,holiday\n").post("/console/api/calendar/2027/import"),
                dataSource);
        second.then().statusCode(200).body("imported", equalTo(2));
        given().header("Authorization", admin(a)).get("/console/api/calendar?year=2027").then().statusCode(200)
                .body("bureauDays.day", equalTo(List.of("2027-12-25", "2027-12-31")));
    }

    @Test
    void holidayImportListAndDeleteAreAdminOnlyAndOwnBureauOnly() {
        String a = "bureau-cal-c";
        String b = "bureau-cal-d";
        given().header("Authorization", admin(a)).contentType("text/csv; charset=UTF-8")
                .body("2026-12-24,平安夜,holiday\n2026-12-25,圣诞节,holiday\n").post("/console/api/calendar/2026/import")
                .then().statusCode(200).body("imported", equalTo(2));
        given().header("Authorization", clerk(a)).get("/console/api/calendar?year=2026").then().statusCode(200)
                .body("bureau", equalTo(a)).body("bureauDays.day", equalTo(List.of("2026-12-24", "2026-12-25")))
                .body("national", hasSize(39)).body("national.name", hasItem("国庆节"));
        // another bureau sees none of them and cannot delete them
        given().header("Authorization", admin(b)).get("/console/api/calendar?year=2026").then().statusCode(200)
                .body("bureauDays", hasSize(0));
        given().header("Authorization", admin(b)).delete("/console/api/calendar/days/2026-12-24").then().statusCode(404);
        // clerks and reviewers may not import or delete
        for (String token : List.of(clerk(a), reviewer(a))) {
            given().header("Authorization", token).contentType("text/csv; charset=UTF-8").body("2026-12-31,x,holiday\n")
                    .post("/console/api/calendar/2026/import").then().statusCode(403);
            given().header("Authorization", token).delete("/console/api/calendar/days/2026-12-24").then().statusCode(403);
        }
        given().get("/console/api/calendar?year=2026").then().statusCode(401);
        given().header("Authorization", clerk(a)).get("/console/api/calendar?year=2026").then().statusCode(200)
                .body("bureauDays", hasSize(2));
        // a bad file changes nothing and says which lines are wrong
        given().header("Authorization", admin(a)).contentType("text/csv; charset=UTF-8")
                .body("2026-12-31,除夕前,holiday\n2027-01-02,明年,holiday\n2026-12-30,周三上班,workday\n2026-13-01,坏日期,holiday\n")
                .post("/console/api/calendar/2026/import").then().statusCode(400)
                .body("errors.message", hasItem("第2行：日期不在2026年内"))
                .body("errors.message", hasItem("第3行：调休上班日应为周六或周日"))
                .body("errors.message", hasItem(containsString("第4行：日期格式应为")));
        given().header("Authorization", admin(a)).get("/console/api/calendar?year=2026").then().statusCode(200)
                .body("bureauDays", hasSize(2));
        // the owner deletes one; a second delete is 404
        given().header("Authorization", admin(a)).delete("/console/api/calendar/days/2026-12-24").then().statusCode(204);
        given().header("Authorization", admin(a)).delete("/console/api/calendar/days/2026-12-24").then().statusCode(404);
        given().header("Authorization", admin(a)).get("/console/api/calendar?year=2026").then().statusCode(200)
                .body("bureauDays.day", equalTo(List.of("2026-12-25")));
        assertThat(CalendarDay.Kind.valueOf("HOLIDAY")).isNotNull();
    }

    @Test
    void matchThresholdIsProxiedWithTheCallersTokenForAdminsOnly() {
        String a = "bureau-fm-a";
        String adminA = admin(a); // one token: the stand-in must have seen exactly this one
        int before = StubServices.SEEN.size();
        given().header("Authorization", adminA).get("/console/api/match-threshold").then().statusCode(200)
                .body("bureau", equalTo(a)).body("threshold", equalTo(0.60f)).body("falseAcceptRate", equalTo(0.0001f))
                .body("calibration", hasSize(3));
        given().header("Authorization", adminA).contentType("application/json").body(Map.of("threshold", 0.75))
                .put("/console/api/match-threshold").then().statusCode(200).body("threshold", equalTo(0.75f));
        // outside the bounds: face-match-service's 400 and its Chinese message come back unchanged
        given().header("Authorization", adminA).contentType("application/json").body(Map.of("threshold", 0.95))
                .put("/console/api/match-threshold").then().statusCode(400).body("message", equalTo("比对阈值应在0.30到0.90之间"));
        // another bureau's admin gets its own bureau's threshold (the token decides, not the page)
        given().header("Authorization", admin("bureau-fm-b")).get("/console/api/match-threshold").then().statusCode(200)
                .body("bureau", equalTo("bureau-fm-b")).body("threshold", equalTo(0.60f));
        List<StubServices.Seen> seen = StubServices.SEEN.subList(before, StubServices.SEEN.size());
        assertThat(seen).hasSize(4).allSatisfy(s -> assertThat(s.path()).isEqualTo("/console/api/match-threshold"));
        assertThat(seen.get(0).authorization()).isEqualTo(adminA);
        assertThat(seen.get(1).body()).contains("0.75");

        int now = StubServices.SEEN.size();
        for (String token : List.of(clerk(a), reviewer(a))) {
            given().header("Authorization", token).get("/console/api/match-threshold").then().statusCode(403);
            given().header("Authorization", token).contentType("application/json").body(Map.of("threshold", 0.5))
                    .put("/console/api/match-threshold").then().statusCode(403);
        }
        given().get("/console/api/match-threshold").then().statusCode(401);
        assertThat(StubServices.SEEN).hasSize(now);
    }

    @Test
    void reminderOffsetsGoToTheCallersOwnBureauInNotificationService() {
        String a = "bureau-nt-a";
        String adminA = admin(a); // one token: the stand-in must have seen exactly this one
        int before = StubServices.SEEN.size();
        given().header("Authorization", adminA).contentType("application/json").body(Map.of("days", List.of(30, 7, 1)))
                .put("/console/api/notification/reminder-offsets").then().statusCode(200)
                .body("bureau", equalTo(a)).body("days", equalTo(List.of(30, 7, 1)));
        given().header("Authorization", adminA).get("/console/api/notification/reminder-offsets").then().statusCode(200)
                .body("days", equalTo(List.of(30, 7, 1))).body("source", equalTo("bureau"));
        given().header("Authorization", admin("bureau-nt-b")).get("/console/api/notification/reminder-offsets").then()
                .statusCode(200).body("bureau", equalTo("bureau-nt-b")).body("days", equalTo(List.of(14, 7, 1)));
        List<StubServices.Seen> seen = StubServices.SEEN.subList(before, StubServices.SEEN.size());
        assertThat(seen).extracting(StubServices.Seen::path).containsExactly("/api/v1/admin/bureaus/bureau-nt-a/reminder-offsets",
                "/api/v1/admin/bureaus/bureau-nt-a/reminder-offsets", "/api/v1/admin/bureaus/bureau-nt-b/reminder-offsets");
        assertThat(seen.get(0).authorization()).isEqualTo(adminA);

        int now = StubServices.SEEN.size();
        for (String token : List.of(clerk(a), reviewer(a))) {
            given().header("Authorization", token).get("/console/api/notification/reminder-offsets").then().statusCode(403);
            given().header("Authorization", token).contentType("application/json").body(Map.of("days", List.of(3)))
                    .put("/console/api/notification/reminder-offsets").then().statusCode(403);
        }
        assertThat(StubServices.SEEN).hasSize(now);
    }
}
