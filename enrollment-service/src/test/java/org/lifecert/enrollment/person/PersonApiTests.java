package org.lifecert.enrollment.person;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.enrollment.Staff;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.PersonUpdated;
import org.lifecert.events.Topics;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.LockRace;
import org.lifecert.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class PersonApiTests {

    private final TopicReader topic = TopicReader.onTestBroker();

    @Inject
    FailingEnrollment failing;

    @Test
    void enrolmentIsPublishedAfterCommitWithTheIdNumberOnlyMaskedAndHashed() {
        PersonForm form = PersonForms.valid();
        String id = Staff.enrolInA(form);

        var records = topic.await(Topics.ENROLLMENT, TopicReader.valueContains(id), 2, Duration.ofSeconds(30));
        List<String> types = records.stream().map(r -> EventCodec.shared().decode(r.value()).type()).toList();
        assertThat(types).contains("PersonEnrolled", "CollectionSubmitted");
        Envelope<?> enrolled = records.stream().map(r -> EventCodec.shared().decode(r.value()))
                .filter(e -> e.data() instanceof PersonEnrolled).findFirst().orElseThrow();
        PersonEnrolled data = (PersonEnrolled) enrolled.data();
        assertThat(enrolled.subject()).isEqualTo(id);
        assertThat(enrolled.bureau()).isEqualTo(Staff.BUREAU_A);
        assertThat(records.get(0).key()).isEqualTo(id);
        assertThat(data.idNumberMasked()).isEqualTo(form.idNumber().substring(0, 3) + "***********" + form.idNumber().substring(14));
        assertThat(data.idNumberHash()).matches("[0-9a-f]{64}");
        assertThat(records).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain(form.idNumber()));
    }

    @Test
    void enrolmentRolledBackAfterItsEventWasWrittenPublishesNothing() {
        PersonForm form = PersonForms.valid();
        assertThatThrownBy(() -> failing.enrollThenFail(Staff.BUREAU_A, form)).isInstanceOf(IllegalStateException.class);
        String marker = Staff.enrolInA(PersonForms.valid());
        topic.await(Topics.ENROLLMENT, TopicReader.valueContains(marker), 1, Duration.ofSeconds(30));

        String masked = form.idNumber().substring(0, 3) + "***********" + form.idNumber().substring(14);
        assertThat(topic.settle(Topics.ENROLLMENT, TopicReader.valueContains(masked), Duration.ofSeconds(1))).isEmpty();
        Staff.clerkA().body(Map.of("idNumber", form.idNumber())).post("/api/v1/persons/lookup").then().statusCode(404);
    }

    @Test
    void personIsReadBackWithTheIdNumberMasked() {
        PersonForm form = PersonForms.abroad();
        String id = Staff.enrolInA(form);
        Staff.clerkA().get("/api/v1/persons/" + id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("idNumberMasked", equalTo(form.idNumber().substring(0, 3) + "***********" + form.idNumber().substring(14)))
                .body("surname", equalTo("张")).body("givenName", equalTo("三丰"))
                .body("sex", equalTo("MALE")).body("status", equalTo("ACTIVE"))
                .body("abroad.consulate", equalTo("中国驻旧金山总领事馆"))
                .body("idNumber", nullValue());
    }

    static Stream<Arguments> seedTable() {
        PersonForm ok = PersonForms.valid();
        return Stream.of(
                Arguments.of(new PersonForm(ok.idNumber(), "Li", ok.givenName(), ok.sex(), ok.birthDate(), ok.benefitType(), ok.pensionPlace(), ok.phone(), null, null), "surname", "请输入正确的中文姓"),
                Arguments.of(new PersonForm(ok.idNumber(), ok.surname(), "", ok.sex(), ok.birthDate(), ok.benefitType(), ok.pensionPlace(), ok.phone(), null, null), "givenName", "请输入正确的中文名"),
                Arguments.of(new PersonForm(ok.idNumber().substring(0, 17) + (ok.idNumber().endsWith("0") ? "1" : "0"), ok.surname(), ok.givenName(), ok.sex(), ok.birthDate(), ok.benefitType(), ok.pensionPlace(), ok.phone(), null, null), "idNumber", "请输入正确的身份证号"),
                Arguments.of(new PersonForm(ok.idNumber(), ok.surname(), ok.givenName(), ok.sex(), ok.birthDate(), ok.benefitType(), ok.pensionPlace(), "+1 415 555 0100", null, new PersonForm.AbroadForm("美国", "E1234567", null)), "abroad.consulate", "请选择使领馆"),
                Arguments.of(new PersonForm(ok.idNumber(), ok.surname(), ok.givenName(), "女", ok.birthDate(), ok.benefitType(), ok.pensionPlace(), ok.phone(), null, null), "sex", "性别与身份证号不符"),
                Arguments.of(new PersonForm(ok.idNumber(), ok.surname(), ok.givenName(), ok.sex(), "1901-01-01", ok.benefitType(), ok.pensionPlace(), ok.phone(), null, null), "birthDate", "出生日期与身份证号不符"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("seedTable")
    void invalidEnrolmentIsAProblemWithTheSeedMessage(PersonForm form, String field, String message) {
        Staff.clerkA().body(form).post("/api/v1/persons").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("message", equalTo(message))
                .body("errors", contains(Map.of("field", field, "message", message)));
    }

    @Test
    void sameIdNumberTwiceInOneBureauIsRefused() {
        PersonForm form = PersonForms.valid();
        Staff.enrolInA(form);
        Staff.clerkA().body(form).post("/api/v1/persons").then().statusCode(409)
                .body("message", equalTo("该身份证号已登记"));
    }

    @Test
    void updateChangesThePersonAndPublishesPersonUpdated() {
        PersonForm form = PersonForms.valid();
        String id = Staff.enrolInA(form);
        PersonForm changed = new PersonForm(form.idNumber(), "李", "四", form.sex(), form.birthDate(), "工伤",
                "沈阳市", "13900000000", null, null);
        Staff.clerkA().body(changed).put("/api/v1/persons/" + id).then().statusCode(200)
                .body("surname", equalTo("李")).body("benefitType", equalTo("WORK_INJURY"));

        var records = topic.await(Topics.ENROLLMENT,
                r -> r.key().equals(id) && new String(r.value(), StandardCharsets.UTF_8).contains("PersonUpdated"), 1,
                Duration.ofSeconds(30));
        PersonUpdated updated = (PersonUpdated) EventCodec.shared().decode(records.get(0).value()).data();
        assertThat(updated.surname()).isEqualTo("李");
        assertThat(updated.pensionPlace()).isEqualTo("沈阳市");
    }

    @Inject
    PersonService people;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Test
    void twoClerksChangingOnePersonAtOnceAreServedOneAfterTheOther() throws Exception {
        PersonForm form = PersonForms.valid();
        String id = Staff.enrolInA(form);
        PersonForm first = new PersonForm(form.idNumber(), "李", "四", form.sex(), form.birthDate(), "工伤", "沈阳市",
                "13900000000", null, null);
        PersonForm second = new PersonForm(form.idNumber(), "王", "五", form.sex(), form.birthDate(), "工伤", "大连市",
                "13900000001", null, null);
        // clerk 1's change is written and not yet committed when clerk 2's arrives
        var response = LockRace.secondWhileFirstHolds(work -> QuarkusTransaction.requiringNew().run(work),
                () -> people.update(Staff.BUREAU_A, "clerk-1", java.util.UUID.fromString(id), first),
                () -> Staff.clerkA().body(second).put("/api/v1/persons/" + id), dataSource);
        response.then().statusCode(200).body("surname", equalTo("王")).body("pensionPlace", equalTo("大连市"));
        Staff.clerkA().get("/api/v1/persons/" + id).then().statusCode(200).body("surname", equalTo("王"));
        Staff.clerkA().get("/api/v1/persons/" + id + "/audit").then().statusCode(200)
                .body("action", contains("PERSON_ENROLLED", "PERSON_UPDATED", "PERSON_UPDATED"));
    }

    @Test
    void deactivatedPersonIsKeptWithItsReasonAndCannotBeChanged() {
        PersonForm form = PersonForms.valid();
        String id = Staff.enrolInA(form);
        Staff.clerkA().body(Map.of("status", "DECEASED", "reason", "2026-11-01 死亡")).post("/api/v1/persons/" + id + "/deactivation")
                .then().statusCode(200).body("status", equalTo("DECEASED")).body("deactivationReason", equalTo("2026-11-01 死亡"));

        Staff.clerkA().get("/api/v1/persons/" + id).then().statusCode(200).body("status", equalTo("DECEASED"));
        Staff.clerkA().delete("/api/v1/persons/" + id).then().statusCode(405);
        Staff.clerkA().body(form).put("/api/v1/persons/" + id).then().statusCode(409);
        Staff.clerkA().get("/api/v1/persons/" + id + "/audit").then().statusCode(200)
                .body("action", contains("PERSON_ENROLLED", "PERSON_DEACTIVATED"));
        var records = topic.await(Topics.ENROLLMENT,
                r -> r.key().equals(id) && new String(r.value(), StandardCharsets.UTF_8).contains("DECEASED"), 1,
                Duration.ofSeconds(30));
        assertThat(((PersonUpdated) EventCodec.shared().decode(records.get(0).value()).data()).deactivationReason())
                .isEqualTo("2026-11-01 死亡");
    }

    @Test
    void deactivationNeedsAKnownReasonStatus() {
        String id = Staff.enrolInA(PersonForms.valid());
        Staff.clerkA().body(Map.of("status", "ACTIVE")).post("/api/v1/persons/" + id + "/deactivation")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void searchFiltersAndPagesWithinTheCallersBureau() {
        String surname = "欧阳";
        String given = "检索" + (char) ('甲' + (int) (System.nanoTime() % 20));
        for (int i = 0; i < 3; i++) {
            PersonForm f = PersonForms.valid();
            Staff.enrolInA(new PersonForm(f.idNumber(), surname, given, f.sex(), f.birthDate(), i == 0 ? "供养" : "工伤",
                    f.pensionPlace(), f.phone(), null, null));
        }
        PersonForm b = PersonForms.valid();
        Staff.clerkB().body(new PersonForm(b.idNumber(), surname, given, b.sex(), b.birthDate(), "工伤",
                b.pensionPlace(), b.phone(), null, null)).post("/api/v1/persons").then().statusCode(201);

        Staff.clerkA().queryParam("name", surname + given).queryParam("size", 2).get("/api/v1/persons").then()
                .statusCode(200).body("total", equalTo(3)).body("items.size()", equalTo(2)).body("size", equalTo(2));
        Staff.clerkA().queryParam("name", surname + given).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/persons").then().body("items.size()", equalTo(1));
        Staff.clerkA().queryParam("name", surname + given).queryParam("benefitType", "WORK_INJURY")
                .queryParam("status", "ACTIVE").queryParam("abroad", false)
                .get("/api/v1/persons").then().body("total", equalTo(2))
                .body("items.bureau", contains(Staff.BUREAU_A, Staff.BUREAU_A));
        Staff.clerkA().queryParam("benefitType", "NONSENSE").get("/api/v1/persons").then().statusCode(400)
                .body("message", equalTo("查询条件不正确"));
    }

    @Test
    void lookupByIdNumberTravelsInTheBody() {
        PersonForm form = PersonForms.valid();
        String id = Staff.enrolInA(form);
        Staff.clerkA().body(Map.of("idNumber", form.idNumber())).post("/api/v1/persons/lookup").then()
                .statusCode(200).body("id", equalTo(id));
        Staff.clerkA().body(Map.of("idNumber", "123")).post("/api/v1/persons/lookup").then()
                .statusCode(400).body("message", equalTo("请输入正确的身份证号"));
    }

    @Test
    void rolesAndTokensAreEnforced() {
        given().contentType("application/json").body(PersonForms.valid()).post("/api/v1/persons").then().statusCode(401);
        Staff.reviewerA().body(PersonForms.valid()).post("/api/v1/persons").then().statusCode(403);
        Staff.as("admin-a", Staff.BUREAU_A, "admin").body(PersonForms.valid()).post("/api/v1/persons").then().statusCode(201);
    }

    @Test
    void internalLookupByHashAnswersTheContractShape() {
        PersonForm form = PersonForms.valid();
        String id = Staff.enrolInA(form);
        var events = topic.await(Topics.ENROLLMENT, TopicReader.valueContains(id), 1, Duration.ofSeconds(30));
        String hash = events.stream().map(r -> EventCodec.shared().decode(r.value()).data())
                .filter(d -> d instanceof PersonEnrolled).map(d -> ((PersonEnrolled) d).idNumberHash()).findFirst().orElseThrow();
        given().get("/internal/v1/persons/by-id-hash/" + hash).then().statusCode(200)
                .body("personId", equalTo(id)).body("bureau", equalTo(Staff.BUREAU_A))
                .body("surnameMasked", equalTo("张**")).body("status", equalTo("ACTIVE"));
        given().get("/internal/v1/persons/by-id-hash/" + "0".repeat(64)).then().statusCode(404);
    }
}
