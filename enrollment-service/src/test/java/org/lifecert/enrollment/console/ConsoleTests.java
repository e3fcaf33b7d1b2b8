package org.lifecert.enrollment.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.enrollment.Staff;
import org.lifecert.enrollment.person.PersonForm;
import org.lifecert.testing.LifeCertTestResource;

/**
 * The bureau console pages served by enrollment-service, and the API calls those pages make: each
 * refuses staff of another bureau (404, nothing leaks) and the wrong role (403), whatever the page shows.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class ConsoleTests {

    @Test
    void enrolmentPageIsServedInChineseWithTheSeedFieldsAndMessages() {
        String page = given().get("/console/enroll.html").then().statusCode(200).extract().asString();
        assertThat(page).contains("lang=\"zh-CN\"").contains("/console-ui/console.js").contains("/console-ui/idnumber.js");
        for (String label : new String[] {"中文姓", "中文名", "国籍", "中国身份证号", "性别", "出生日期", "护照号码", "手机号码", "养老金发放地", "使领馆"}) {
            assertThat(page).as(label).contains(">" + label + "<");
        }
        String script = given().get("/console/enroll.js").then().statusCode(200).extract().asString();
        assertThat(script).contains("请输入正确的中文姓").contains("请输入正确的中文名").contains("请输入正确的身份证号")
                .contains("请选择使领馆").contains("没有可用的摄像头").contains("getUserMedia");
    }

    @Test
    void startRosterPagesAndSharedResourcesAreServed() {
        assertThat(given().get("/console/index.html").then().statusCode(200).extract().asString()).contains("经办机构控制台");
        assertThat(given().get("/console/roster.html").then().statusCode(200).extract().asString()).contains("花名册导入");
        given().get("/console/roster.js").then().statusCode(200);
        assertThat(given().get("/console/review.html").then().statusCode(200).extract().asString()).contains("信息审核")
                .contains("review.js");
        given().get("/console/review.js").then().statusCode(200);
        // the start page's tiles are the shared navigation's pages (review included, tile id tile-review)
        assertThat(given().get("/console/index.html").then().extract().asString()).contains("LC.pages.filter")
                .contains("a.id = 'tile-' + p.id").contains("review: ['审核窗口采集的人员信息和参考照片");
        for (String shared : new String[] {"console.js", "console.css", "i18n.js", "idnumber.js", "states.js"}) {
            given().get("/console-ui/" + shared).then().statusCode(200);
        }
        // Every page is one click from the start page: the shared navigation lists all of them.
        String nav = given().get("/console-ui/console.js").then().statusCode(200).extract().asString();
        for (String path : new String[] {"/console/enroll.html", "/console/roster.html", "/console/review.html",
                "/console/counter.html", "/console/dashboard.html", "/console/settings.html"}) {
            assertThat(nav).contains(path);
        }
    }

    @Test
    void consoleSessionShowsTheCallersOwnBureauAndRoles() {
        Staff.clerkA().get("/console/api/me").then().statusCode(200)
                .body("user", equalTo("clerk-a")).body("bureau", equalTo("bureau-a")).body("roles", hasItem("clerk"));
        given().get("/console/api/me").then().statusCode(401);
    }

    @Test
    void everyCallOfTheEnrolmentPageRefusesAClerkOfAnotherBureau() {
        PersonForm form = PersonForms.valid();
        String id = Staff.enrolInA(form);
        String path = "/api/v1/persons/" + id;

        Staff.clerkB().get(path).then().statusCode(404);
        Staff.clerkB().body(form).put(path).then().statusCode(404);
        Staff.clerkB().body(Map.of("status", "DECEASED", "reason", "测试")).post(path + "/deactivation").then().statusCode(404);
        Staff.clerkB().body(Map.of("idNumber", form.idNumber())).post("/api/v1/persons/lookup").then().statusCode(404);
        Staff.clerkB().queryParam("name", form.surname()).get("/api/v1/persons").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        Staff.clerkB().contentType("multipart/form-data").multiPart("photo", org.lifecert.testing.SharedData.face("verify/amy/2.png").toFile())
                .post(path + "/reference-photos").then().statusCode(404);
        Staff.clerkB().get(path + "/reference-photos/template").then().statusCode(404);

        // The same calls by the bureau's own clerk work (the page's happy path).
        Staff.clerkA().body(Map.of("idNumber", form.idNumber())).post("/api/v1/persons/lookup").then().statusCode(200)
                .body("id", equalTo(id));
        Staff.clerkA().queryParam("name", form.surname()).get("/api/v1/persons").then().statusCode(200).body("items.id", hasItem(id));
        // A reviewer may look but not enrol or deactivate.
        Staff.reviewerA().body(PersonForms.valid()).post("/api/v1/persons").then().statusCode(403);
        Staff.reviewerA().body(Map.of("status", "DECEASED", "reason", "测试")).post(path + "/deactivation").then().statusCode(403);
        Staff.clerkA().body(Map.of("status", "DECEASED", "reason", "家属告知")).post(path + "/deactivation").then().statusCode(200)
                .body("status", equalTo("DECEASED"));
    }

    @Test
    void rosterImportOfOneBureauIsInvisibleToAnother() {
        String csv = "中文姓,中文名,中国身份证号,性别,出生日期,待遇类型,养老金发放地,手机号码\n"
                + "李,四,123,男,1950-01-01,RETIREMENT,抚顺市,13812345678\n";
        String importId = Staff.clerkA().contentType("text/csv").body(csv).post("/api/v1/roster-imports")
                .then().statusCode(202).extract().path("importId");
        Staff.clerkB().get("/api/v1/roster-imports/" + importId).then().statusCode(404);
        Staff.clerkB().get("/api/v1/roster-imports/" + importId + "/errors").then().statusCode(404);
        Staff.reviewerA().contentType("text/csv").body(csv).post("/api/v1/roster-imports").then().statusCode(403);
    }
}
