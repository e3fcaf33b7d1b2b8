package org.lifecert.enrollment.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecert.enrollment.PersonForms;
import org.lifecert.enrollment.Staff;
import org.lifecert.enrollment.person.ResidentIdNumber;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TestTokens;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The enrolment and roster pages in a real browser (Debian chromium + chromedriver) against the real
 * API, face engine, Kafka and PostgreSQL; the fake camera plays the real webcam recording. The pages
 * use the console's token helper with a test provider token (the code-flow sign-in through Keycloak
 * is not part of this test).
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "enrollment"))
class ConsoleBrowserTests {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String FACES = org.lifecert.testing.SharedData.faces() + "/";
    static final Path SHOTS = Path.of("target/screenshots");

    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void needsChromium() throws Exception {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "SKIPPED: install chromium and chromium-driver (apt-get install -y chromium chromium-driver ffmpeg)");
        Files.createDirectories(SHOTS);
    }

    static Path fakeCamera() throws Exception {
        Path y4m = Path.of("target/console-webcam.y4m");
        if (!Files.exists(y4m)) {
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-i", FACES + "video/webcam-a.mp4", "-t", "8",
                    "-vf", "fps=10,scale=640:480", "-pix_fmt", "yuv420p", y4m.toString()).inheritIO().start();
            assertThat(ffmpeg.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(ffmpeg.exitValue()).isZero();
        }
        return y4m.toAbsolutePath();
    }

    WebDriver browser(String user, String role) throws Exception {
        return browser(user, Staff.BUREAU_A, role);
    }

    WebDriver browser(String user, String bureau, String role) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--lang=zh-CN", "--window-size=1280,1400",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + fakeCamera());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1400));
        driver.get(base + "console/index.html");
        ((JavascriptExecutor) driver).executeScript("sessionStorage.setItem('lc.bearer', arguments[0]);",
                TestTokens.bearer(user, bureau, role).substring("Bearer ".length()));
        return driver;
    }

    static void shot(WebDriver driver, String name) throws Exception {
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    static String text(WebDriver d, String id) {
        return d.findElement(By.id(id)).getText();
    }

    @Test
    void clerkEnrolsAPersonSeesAGroupPhotoRefusedAndTakesTheReferencePhotoWithTheWebcam() throws Exception {
        WebDriver d = browser("clerk-a", "clerk");
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
            d.get(base + "console/enroll.html");
            wait.until(x -> text(x, "lc-user").contains("bureau-a"));

            String id = PersonForms.idNumber(false);
            ResidentIdNumber parsed = ResidentIdNumber.parse(id).orElseThrow();
            String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
            d.findElement(By.id("surname")).sendKeys("Zhang", Keys.TAB);
            assertThat(text(d, "surname-msg")).isEqualTo("请输入正确的中文姓");
            d.findElement(By.id("surname")).clear();
            d.findElement(By.id("surname")).sendKeys("王", Keys.TAB);
            assertThat(text(d, "surname-msg")).isEmpty();
            d.findElement(By.id("givenName")).sendKeys("秀兰");
            d.findElement(By.id("idNumber")).sendKeys(wrong, Keys.TAB);
            assertThat(text(d, "idNumber-msg")).isEqualTo("请输入正确的身份证号");
            d.findElement(By.id("idNumber")).clear();
            d.findElement(By.id("idNumber")).sendKeys(id, Keys.TAB);
            assertThat(text(d, "idNumber-msg")).isEmpty();
            // Birth date and sex come from the ID number as the clerk types.
            assertThat(d.findElement(By.id("birthDate")).getAttribute("value")).isEqualTo(parsed.birthDate().toString());
            assertThat(d.findElement(By.id("sex-f")).isSelected()).isTrue();
            new Select(d.findElement(By.id("benefitType"))).selectByValue("RETIREMENT");
            new Select(d.findElement(By.id("pensionPlace"))).selectByVisibleText("顺城区");
            d.findElement(By.id("phone")).sendKeys("1381234567", Keys.TAB);
            assertThat(text(d, "phone-msg")).isEqualTo("请输入正确的手机号码");
            d.findElement(By.id("phone")).sendKeys("8");

            // A group photo: saved person, photo refused with the gate's reason, in Chinese.
            d.findElement(By.id("photo-file")).sendKeys(FACES + "multi/group1.jpg");
            d.findElement(By.id("save")).click();
            wait.until(x -> text(x, "photo-state").contains("照片不合格"));
            assertThat(text(d, "photo-state")).contains("检测到多张人脸，请确保画面中只有本人");
            shot(d, "console-enroll-group-photo-refused");
            String personId = Staff.clerkA().body(Map.of("idNumber", id)).post("/api/v1/persons/lookup").then().statusCode(200)
                    .extract().path("id");
            Staff.clerkA().get("/api/v1/persons/" + personId + "/reference-photos/template").then().statusCode(404);

            // Retake with the counter webcam (fake camera playing the real webcam recording).
            d.findElement(By.id("retake")).click();
            wait.until(x -> x.findElement(By.id("hint")).getAttribute("class").contains("good")
                    || x.findElement(By.id("hint")).getAttribute("class").contains("bad"));
            wait.until(x -> x.findElement(By.id("shoot")).isEnabled());
            shot(d, "console-enroll-webcam");
            d.findElement(By.id("shoot")).click();
            wait.until(x -> text(x, "photo-state").contains("照片合格") || text(x, "photo-state").contains("照片不合格"));
            String answer = text(d, "photo-state");
            shot(d, "console-enroll-webcam-answer");
            if (answer.contains("照片不合格")) {
                // The recording's frame may be judged turned or blurred: the gate's reason is shown; a good photo file then passes.
                d.findElement(By.id("photo-file")).sendKeys(FACES + "verify/amy/2.png");
                wait.until(x -> text(x, "photo-state").contains("照片合格"));
            }
            assertThat(text(d, "photo-state")).contains("照片合格");
            Staff.clerkA().get("/api/v1/persons/" + personId + "/reference-photos/template").then().statusCode(200);
            Staff.clerkA().get("/api/v1/persons/" + personId).then().statusCode(200)
                    .body("surname", org.hamcrest.Matchers.equalTo("王")).body("pensionPlace", org.hamcrest.Matchers.equalTo("顺城区"));
            System.out.println("CONSOLE webcam photo answer: " + answer);
        } finally {
            d.quit();
        }
    }

    @Test
    void clerkEnrolsAResidentAbroadChoosingNationalityAndConsulateFromTheLists() throws Exception {
        WebDriver d = browser("clerk-a", "clerk");
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
            d.get(base + "console/enroll.html");
            wait.until(x -> text(x, "lc-user").contains("bureau-a"));
            // Both selects are filled from /api/v1/reference; consulates are grouped by country.
            wait.until(x -> new Select(x.findElement(By.id("nationality"))).getOptions().size() > 200);
            wait.until(x -> !x.findElements(By.cssSelector("#consulate optgroup[label='美国'] option")).isEmpty());
            assertThat(d.findElements(By.cssSelector("#consulate optgroup[label='美国'] option")).stream()
                    .map(e -> e.getAttribute("value")).toList()).startsWith("中国驻美国大使馆").contains("中国驻旧金山总领事馆");

            String id = PersonForms.idNumber(true);
            d.findElement(By.id("surname")).sendKeys("李");
            d.findElement(By.id("givenName")).sendKeys("海外");
            d.findElement(By.id("idNumber")).sendKeys(id, Keys.TAB);
            new Select(d.findElement(By.id("benefitType"))).selectByValue("RETIREMENT");
            new Select(d.findElement(By.id("pensionPlace"))).selectByVisibleText("顺城区");
            d.findElement(By.id("abroad")).click();
            d.findElement(By.id("phone")).sendKeys("+1 415 555 0100");
            d.findElement(By.id("passportNumber")).sendKeys("E12345678");
            d.findElement(By.id("save")).click();
            wait.until(x -> text(x, "consulate-msg").equals("请选择使领馆"));
            assertThat(text(d, "nationality-msg")).isEqualTo("请选择国籍");

            new Select(d.findElement(By.id("nationality"))).selectByVisibleText("美国");
            new Select(d.findElement(By.id("consulate"))).selectByVisibleText("中国驻旧金山总领事馆");
            d.findElement(By.id("save")).click();
            wait.until(x -> text(x, "status").contains("已保存"));
            shot(d, "console-enroll-abroad");
            String personId = Staff.clerkA().body(Map.of("idNumber", id)).post("/api/v1/persons/lookup").then().statusCode(200)
                    .extract().path("id");
            Staff.clerkA().get("/api/v1/persons/" + personId).then().statusCode(200)
                    .body("abroad.nationality", org.hamcrest.Matchers.equalTo("美国"))
                    .body("abroad.consulate", org.hamcrest.Matchers.equalTo("中国驻旧金山总领事馆"));
        } finally {
            d.quit();
        }
    }

    @Test
    void clerkImportsARosterWithOneBadRowAndSeesTheRowError() throws Exception {
        WebDriver d = browser("clerk-a", "clerk");
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(60));
            Path csv = Files.createTempFile("roster", ".csv");
            String good1 = PersonForms.idNumber(true);
            String good2 = PersonForms.idNumber(false);
            Files.writeString(csv, "中文姓,中文名,中国身份证号,性别,出生日期,待遇类型,养老金发放地,手机号码\n"
                    + row("赵", "一", good1) + row("钱", "二", good2)
                    + "孙,三,110101194901010000,男,1949-01-01,RETIREMENT,抚顺市,13812345678\n", StandardCharsets.UTF_8);
            d.get(base + "console/roster.html");
            d.findElement(By.id("file")).sendKeys(csv.toString());
            d.findElement(By.id("start")).click();
            wait.until(x -> text(x, "n-status").equals("已完成"));
            wait.until(x -> !x.findElements(By.cssSelector("#errors tbody tr")).isEmpty());
            assertThat(text(d, "n-created")).isEqualTo("2");
            assertThat(text(d, "n-failed")).isEqualTo("1");
            var cells = d.findElements(By.cssSelector("#errors tbody tr td"));
            assertThat(cells.get(0).getText()).isEqualTo("4");
            assertThat(cells.get(1).getText()).isEqualTo("中国身份证号");
            assertThat(cells.get(2).getText()).isEqualTo("请输入正确的身份证号");
            shot(d, "console-roster-errors");
        } finally {
            d.quit();
        }
    }

    @Test
    void reviewerApprovesAPendingCollectionOnThePageAndARejectWithoutAReasonIsRefused() throws Exception {
        // A bureau of its own, so the queue holds only this test's collections (others leave bureau A's queue long).
        String bureau = "bureau-review-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String first = Staff.as("clerk-r", bureau, "clerk").body(PersonForms.valid()).post("/api/v1/persons").then()
                .statusCode(201).extract().path("id");
        Staff.as("clerk-r", bureau, "clerk").contentType("multipart/form-data")
                .multiPart("photo", new File(FACES + "verify/amy/2.png"))
                .post("/api/v1/persons/" + first + "/reference-photos").then().statusCode(201);
        String second = Staff.as("clerk-r", bureau, "clerk").body(PersonForms.valid()).post("/api/v1/persons").then()
                .statusCode(201).extract().path("id");
        String firstCollection = pendingCollection(bureau, first);
        String secondCollection = pendingCollection(bureau, second);

        WebDriver d = browser("reviewer-r", bureau, "reviewer");
        try {
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
            d.get(base + "console/index.html");
            wait.until(x -> !x.findElements(By.id("tile-review")).isEmpty());
            d.findElement(By.id("tile-review")).click();
            wait.until(x -> x.getCurrentUrl().endsWith("/console/review.html"));
            wait.until(x -> text(x, "lc-user").contains(bureau));
            wait.until(x -> x.findElements(By.cssSelector("#queue tbody tr")).size() == 2);
            // Oldest first, ID number masked, collected by the clerk.
            var rows = d.findElements(By.cssSelector("#queue tbody tr"));
            assertThat(rows.get(0).getAttribute("id")).isEqualTo("row-" + firstCollection);
            assertThat(rows.get(1).getAttribute("id")).isEqualTo("row-" + secondCollection);
            assertThat(rows.get(0).getText()).contains("张三丰", "clerk-r", "窗口采集").containsPattern("\\d{3}\\*{11}[0-9X]{4}");

            // The first person's reference photo is shown; a reject without a reason is refused by the server.
            d.findElement(By.id("review-" + firstCollection)).click();
            wait.until(x -> Boolean.TRUE.equals(((JavascriptExecutor) x).executeScript(
                    "const i = document.getElementById('photo-0'); return !!i && i.complete && i.naturalWidth > 0;")));
            d.findElement(By.id("reject")).click();
            wait.until(x -> text(x, "reason-msg").equals("请填写审核不通过的原因"));
            assertThat(text(d, "status")).isEqualTo("请填写审核不通过的原因");
            shot(d, "console-review-reason-required");
            collection(bureau, first).body("[0].status", org.hamcrest.Matchers.equalTo("PENDING"));

            d.findElement(By.id("approve")).click();
            wait.until(x -> text(x, "status").startsWith("已审核通过：张三丰"));
            wait.until(x -> x.findElements(By.cssSelector("#queue tbody tr")).size() == 1);
            collection(bureau, first).body("[0].status", org.hamcrest.Matchers.equalTo("APPROVED"))
                    .body("[0].reviewer", org.hamcrest.Matchers.equalTo("reviewer-r"));
            Staff.as("reviewer-r", bureau, "reviewer").get("/api/v1/collections?status=APPROVED&personId=" + first).then()
                    .body("collectionId", org.hamcrest.Matchers.hasItem(firstCollection));

            // The second (no photo yet) is rejected with a reason.
            d.findElement(By.id("review-" + secondCollection)).click();
            wait.until(x -> x.findElement(By.id("photos-none")).isDisplayed());
            d.findElement(By.id("reason")).sendKeys("照片与本人不符");
            d.findElement(By.id("reject")).click();
            wait.until(x -> text(x, "status").startsWith("已审核不通过：张三丰"));
            wait.until(x -> x.findElement(By.id("queue-empty")).isDisplayed());
            shot(d, "console-review-done");
            Staff.as("reviewer-r", bureau, "reviewer").get("/api/v1/collections?status=REJECTED&personId=" + second).then()
                    .body("[0].collectionId", org.hamcrest.Matchers.equalTo(secondCollection))
                    .body("[0].reason", org.hamcrest.Matchers.equalTo("照片与本人不符"));
        } finally {
            d.quit();
        }
    }

    static String pendingCollection(String bureau, String personId) {
        return collection(bureau, personId).extract().path("[0].collectionId");
    }

    /** The person's collections in any status (one per person here), through the reviewers' API. */
    static io.restassured.response.ValidatableResponse collection(String bureau, String personId) {
        for (String status : new String[] {"PENDING", "APPROVED", "REJECTED"}) {
            var found = Staff.as("reviewer-r", bureau, "reviewer").get("/api/v1/collections?status=" + status + "&personId=" + personId)
                    .then().statusCode(200);
            if (!found.extract().jsonPath().getList("$").isEmpty()) {
                return found;
            }
        }
        throw new AssertionError("no collection of " + personId);
    }

    static String row(String surname, String given, String id) {
        ResidentIdNumber p = ResidentIdNumber.parse(id).orElseThrow();
        return surname + "," + given + "," + id + "," + p.sex().label() + "," + p.birthDate() + ",RETIREMENT,抚顺市,13812345678\n";
    }
}
