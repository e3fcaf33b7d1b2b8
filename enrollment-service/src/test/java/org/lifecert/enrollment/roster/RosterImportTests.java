package org.lifecert.enrollment.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.Staff;
import org.lifecert.events.EventCodec;
import org.lifecert.events.PersonEnrolled;
import org.lifecert.events.Topics;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class RosterImportTests {

    static io.restassured.specification.RequestSpecification clerk(String bureau) {
        return Staff.as("importer", bureau, "clerk");
    }

    static JsonPath importFile(String bureau, Path file, String charset, List<String> statesSeen) throws Exception {
        String id = clerk(bureau).contentType("text/csv").queryParam("charset", charset).queryParam("fileName", "roster.csv")
                .body(Files.readAllBytes(file)).post("/api/v1/roster-imports").then().statusCode(202).extract().path("importId");
        List<Integer> rowsSeen = new ArrayList<>();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath p = clerk(bureau).get("/api/v1/roster-imports/" + id).then().statusCode(200).extract().jsonPath();
            statesSeen.add(p.getString("status"));
            rowsSeen.add(p.getInt("rowsRead"));
            return !"RUNNING".equals(p.getString("status"));
        });
        assertThat(rowsSeen).isSorted();
        return clerk(bureau).get("/api/v1/roster-imports/" + id).then().extract().jsonPath();
    }

    static long peopleIn(String bureau) {
        return clerk(bureau).get("/api/v1/persons?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void fiftyThousandRowsImportWithEveryInvalidRowReportedAndReimportChangesNothing() throws Exception {
        String bureau = "bureau-roster-" + System.nanoTime();
        RosterFiles roster = new RosterFiles();
        String man = org.lifecert.enrollment.person.ResidentIdNumber.of("110105", java.time.LocalDate.of(1949, 12, 31), 3);
        String[] invalid = {
                "Wang,明," + man + ",男,1949-12-31,养老退休,抚顺市,13800000001,,,,",
                "王,明,110105194912310031,男,1949-12-31,养老退休,抚顺市,13800000002,,,,",
                "王,明," + man + ",女,1949-12-31,养老退休,抚顺市,13800000003,,,,",
                "王,明," + man + ",男,1949-12-31,养老退休,抚顺市,13800000004,,美国,E1234567,",
                "王,明," + man + ",男,1950-01-01,养老退休,抚顺市,13800000005,,,,",
                roster.row(7),
        };
        Path file = roster.write(50_000, StandardCharsets.UTF_8, invalid);
        List<String> states = new ArrayList<>();
        long started = System.nanoTime();

        JsonPath first = importFile(bureau, file, "auto", states);

        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("roster import of 50,006 rows took %.1f s (%.0f rows/s)%n", seconds, 50_006 / seconds);
        assertThat(first.getString("status")).isEqualTo("COMPLETED");
        assertThat(first.getString("charset")).isEqualTo("UTF-8");
        assertThat(first.getInt("rowsRead")).isEqualTo(50_006);
        assertThat(first.getInt("created")).isEqualTo(50_000);
        assertThat(first.getInt("failed")).isEqualTo(6);
        assertThat(states).contains("RUNNING");
        String importId = first.getString("importId");
        List<Map<String, Object>> errors = clerk(bureau).get("/api/v1/roster-imports/" + importId + "/errors")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(errors).containsExactly(
                Map.of("row", 50_002, "field", "surname", "message", "请输入正确的中文姓"),
                Map.of("row", 50_003, "field", "idNumber", "message", "请输入正确的身份证号"),
                Map.of("row", 50_004, "field", "sex", "message", "性别与身份证号不符"),
                Map.of("row", 50_005, "field", "abroad.consulate", "message", "请选择使领馆"),
                Map.of("row", 50_006, "field", "birthDate", "message", "出生日期与身份证号不符"),
                Map.of("row", 50_007, "field", "idNumber", "message", "身份证号在文件中重复"));
        assertThat(peopleIn(bureau)).isEqualTo(50_000);

        JsonPath again = importFile(bureau, file, "UTF-8", new ArrayList<>());
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("updated")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(50_000);
        assertThat(again.getInt("failed")).isEqualTo(6);
        assertThat(peopleIn(bureau)).isEqualTo(50_000);

        String personId = clerk(bureau).body(Map.of("idNumber", roster.idNumber(49_999))).post("/api/v1/persons/lookup")
                .then().statusCode(200).extract().path("id");
        var events = TopicReader.onTestBroker().await(Topics.ENROLLMENT, r -> r.key().equals(personId), 1, Duration.ofSeconds(120));
        assertThat(EventCodec.shared().decode(events.get(0).value()).data()).isInstanceOf(PersonEnrolled.class);
        Files.delete(file);
    }

    @Test
    void gbkRosterIsDetectedAndReadCorrectly() throws Exception {
        String bureau = "bureau-gbk-" + System.nanoTime();
        RosterFiles roster = new RosterFiles();
        Path file = roster.write(20, Charset.forName("GBK"));
        JsonPath result = importFile(bureau, file, "auto", new ArrayList<>());
        assertThat(result.getString("charset")).isEqualTo("GBK");
        assertThat(result.getInt("created")).isEqualTo(20);
        assertThat(result.getInt("failed")).isZero();
        clerk(bureau).queryParam("name", "王明").get("/api/v1/persons").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(20))
                .body("items[0].pensionPlace", org.hamcrest.Matchers.equalTo("抚顺市"));
    }

    @Test
    void changedRowOnReimportUpdatesThePerson() throws Exception {
        String bureau = "bureau-update-" + System.nanoTime();
        RosterFiles roster = new RosterFiles();
        importFile(bureau, roster.write(3, StandardCharsets.UTF_8), "auto", new ArrayList<>());
        String changed = roster.row(1).replace("抚顺市", "沈阳市");
        Path second = Files.createTempFile("roster", ".csv");
        Files.writeString(second, RosterFiles.HEADER + "\n" + roster.row(0) + "\n" + changed + "\n");
        JsonPath result = importFile(bureau, second, "auto", new ArrayList<>());
        assertThat(result.getInt("unchanged")).isEqualTo(1);
        assertThat(result.getInt("updated")).isEqualTo(1);
        clerk(bureau).body(Map.of("idNumber", roster.idNumber(1))).post("/api/v1/persons/lookup").then()
                .body("pensionPlace", org.hamcrest.Matchers.equalTo("沈阳市"));
    }

    @Test
    void rosterWithoutRequiredColumnsFailsWithTheirNames() throws Exception {
        String bureau = "bureau-bad-" + System.nanoTime();
        Path file = Files.createTempFile("roster", ".csv");
        Files.writeString(file, "中文姓,中文名\n王,明\n");
        JsonPath result = importFile(bureau, file, "auto", new ArrayList<>());
        assertThat(result.getString("status")).isEqualTo("FAILED");
        assertThat(result.getString("failure")).startsWith("缺少必填列").contains("idNumber");
    }
}
