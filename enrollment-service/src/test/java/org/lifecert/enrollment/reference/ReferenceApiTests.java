package org.lifecert.enrollment.reference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.enrollment.Staff;
import org.lifecert.enrollment.person.PersonForm;
import org.lifecert.testing.LifeCertTestResource;

/** The read-only 国籍 / 使领馆 lists over HTTP, and the person API holding abroad residents to them. */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class ReferenceApiTests {

    @Test
    void nationalitiesListCodesAndChineseNames() {
        Staff.clerkA().get("/api/v1/reference/nationalities").then().statusCode(200)
                .body("size()", greaterThan(200))
                .body("find { it.code == 'US' }.name", equalTo("美国"))
                .body("find { it.code == 'CN' }.name", equalTo("中国"));
    }

    @Test
    void consulatesOfOneCountryStartWithItsEmbassy() {
        Staff.reviewerA().queryParam("country", "US").get("/api/v1/reference/consulates").then().statusCode(200)
                .body("[0].name", equalTo("中国驻美国大使馆")).body("[0].kind", equalTo("EMBASSY"))
                .body("name", hasItems("中国驻纽约总领事馆", "中国驻旧金山总领事馆"))
                .body("country", everyItem(equalTo("US")));
        Staff.clerkA().queryParam("country", "英国").get("/api/v1/reference/consulates").then().statusCode(200)
                .body("name", hasItem("中国驻曼彻斯特总领事馆"));
        Staff.clerkA().get("/api/v1/reference/consulates").then().statusCode(200).body("size()", greaterThan(200));
    }

    @Test
    void unknownCountryIsABadRequestInChinese() {
        Staff.clerkA().queryParam("country", "XX").get("/api/v1/reference/consulates").then().statusCode(400)
                .body("code", equalTo("UNKNOWN_COUNTRY")).body("message", equalTo("请选择正确的国家或地区"));
    }

    @Test
    void listsNeedASignedInUser() {
        given().get("/api/v1/reference/nationalities").then().statusCode(401);
    }

    @Test
    void residentAbroadIsEnrolledWithTheListsNamesAndRefusedOffTheList() {
        PersonForm ok = PersonForms.abroad();
        PersonForm byCode = new PersonForm(ok.idNumber(), ok.surname(), ok.givenName(), ok.sex(), ok.birthDate(),
                ok.benefitType(), ok.pensionPlace(), ok.phone(), ok.email(),
                new PersonForm.AbroadForm("us", "E12345678", "中国驻旧金山总领事馆"));
        String id = Staff.enrolInA(byCode);
        Staff.clerkA().get("/api/v1/persons/" + id).then().statusCode(200)
                .body("abroad.nationality", equalTo("美国")).body("abroad.consulate", equalTo("中国驻旧金山总领事馆"));

        PersonForm other = PersonForms.abroad();
        PersonForm offList = new PersonForm(other.idNumber(), other.surname(), other.givenName(), other.sex(),
                other.birthDate(), other.benefitType(), other.pensionPlace(), other.phone(), other.email(),
                new PersonForm.AbroadForm("美利坚", "E12345678", "旧金山领事馆"));
        Staff.clerkA().body(offList).post("/api/v1/persons").then().statusCode(400)
                .body("errors", hasItems(Map.of("field", "abroad.nationality", "message", "请选择国籍"),
                        Map.of("field", "abroad.consulate", "message", "请选择使领馆")));
    }
}
