package org.lifecert.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lifecert.events.CertificationChannel;
import org.lifecert.events.Envelope;
import org.lifecert.events.EventCodec;
import org.lifecert.events.FrameBatchCaptured;
import org.lifecert.events.PersonCertified;
import org.lifecert.events.Topics;
import org.lifecert.gateway.GatewayFixtures.TestPerson;
import org.lifecert.gateway.login.Captchas;
import org.lifecert.gateway.person.PersonDirectory;
import org.lifecert.platform.pii.IdNumbers;
import org.lifecert.testing.LifeCertTestResource;
import org.lifecert.testing.TopicReader;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in Debian's Chromium, driven by chromedriver: login with the captcha, the challenge with
 * Chromium's fake camera fed from the real webcam recording (data/faces/video/webcam-a.mp4 as y4m),
 * the framing hint from the services' face detector run in the page (onnxruntime-web), frames on the
 * real Kafka topic, then the verdict pushed to the page. A camera that shows no face, or several,
 * gets the matching hint, and a browser without any camera must say 没有可用的摄像头. Screenshots in
 * target/screenshots.
 */
@QuarkusTest
@QuarkusTestResource(value = LifeCertTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
@QuarkusTestResource(GatewayTestResource.class)
class BrowserTests {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SHOTS = Path.of("target/screenshots");
    private static final Path VIDEO = Path.of("../../shared/data/faces/video/webcam-a.mp4");

    @Inject
    Captchas captchas;
    @Inject
    IdNumbers idNumbers;
    @Inject
    PersonDirectory directory;
    @ConfigProperty(name = "quarkus.rest-client.appeal.url")
    String appeal;
    @TestHTTPResource("/")
    URL base;

    @BeforeAll
    static void needsChromium() throws Exception {
        Assumptions.assumeTrue(new File(CHROMIUM).canExecute(),
                "SKIPPED: " + CHROMIUM + " is absent; install it with `apt-get install -y chromium chromium-driver ffmpeg` (CI does)");
        Files.createDirectories(SHOTS);
    }

    private static Path fakeCamera() throws Exception {
        Path y4m = Path.of("target/webcam-a.y4m");
        if (!Files.exists(y4m)) {
            Path video = Files.exists(VIDEO) ? VIDEO : org.lifecert.testing.SharedData.face("video/webcam-a.mp4");
            Process ffmpeg = new ProcessBuilder("ffmpeg", "-y", "-loglevel", "error", "-i", video.toString(), "-t", "20",
                    "-vf", "fps=15,scale=640:480", "-pix_fmt", "yuv420p", y4m.toString()).inheritIO().start();
            assertThat(ffmpeg.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(ffmpeg.exitValue()).isZero();
        }
        return y4m.toAbsolutePath();
    }

    private static WebDriver chromium(Path camera, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--use-fake-ui-for-media-stream", "--lang=zh-CN", "--window-size=" + width + "," + height);
        if (camera != null) {
            options.addArguments("--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + camera);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    private static void shot(WebDriver driver, String name) throws Exception {
        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void login(WebDriver driver, WebDriverWait wait, TestPerson person) {
        driver.get(base.toString());
        wait.until(d -> d.findElement(By.id("captcha-img")).getAttribute("data-captcha-id") != null);
        String captchaId = driver.findElement(By.id("captcha-img")).getAttribute("data-captcha-id");
        driver.findElement(By.id("id-number")).sendKeys(person.idNumber());
        driver.findElement(By.id("captcha-input")).sendKeys(captchas.answerOf(UUID.fromString(captchaId)));
    }

    @Test
    void recipientLogsInPerformsTheChallengeAndSeesTheResult() throws Exception {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        WebDriver driver = chromium(fakeCamera(), 1000, 1100);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            login(driver, wait, person);
            shot(driver, "1-login");
            driver.findElement(By.id("login-btn")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("self-btn"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("start-btn")));
            shot(driver, "2-guidance");
            driver.findElement(By.id("start-btn")).click();

            // the services' detector, run in the browser by onnxruntime-web, finds the one frontal face
            new WebDriverWait(driver, Duration.ofSeconds(40)).until(d ->
                    "OK".equals(d.findElement(By.id("framing-hint")).getAttribute("data-framing")));
            assertThat(driver.findElement(By.id("framing-hint")).getText()).isEqualTo("脸部位置合适，请保持");
            assertThat(driver.findElement(By.id("framing-hint")).getAttribute("data-faces")).isEqualTo("1");
            shot(driver, "3-framing-ok");

            wait.until(d -> !d.findElement(By.id("action-text")).getText().isBlank());
            String action = driver.findElement(By.id("action-text")).getAttribute("data-action");
            assertThat(action).isIn("BLINK", "OPEN_MOUTH", "TURN_LEFT", "TURN_RIGHT", "NOD");
            Thread.sleep(2500);
            shot(driver, "3-challenge");

            new WebDriverWait(driver, Duration.ofSeconds(90)).until(d ->
                    "PENDING".equals(d.findElement(By.id("result-message")).getAttribute("data-outcome")));
            shot(driver, "4-waiting");

            var batches = TopicReader.onTestBroker().await(Topics.CAPTURE_FRAMES,
                    r -> new String(r.value(), StandardCharsets.UTF_8).contains(person.personId().toString())
                            && new String(r.value(), StandardCharsets.UTF_8).contains("\"lastBatchOfSession\":true"),
                    1, Duration.ofSeconds(30));
            assertThat(batches).hasSize(1);
            FrameBatchCaptured last = (FrameBatchCaptured) EventCodec.shared()
                    .decode(new String(batches.get(0).value(), StandardCharsets.UTF_8)).data();
            var all = TopicReader.onTestBroker().await(Topics.CAPTURE_FRAMES,
                    TopicReader.valueContains(last.sessionId().toString()), 2, Duration.ofSeconds(10));
            // batches of up to 8 frames at 8 fps, at least one per step: 2-3 actions of up to 8 s, each ended early
            // once the page sees its action in the recording (a blink, the mouth opening while talking)
            assertThat(all.size()).as("at least one batch per step").isGreaterThanOrEqualTo(2);
            // the frames the page ran its own action check on go up observed, for liveness-service to measure in full
            long observed = all.stream()
                    .map(r -> (FrameBatchCaptured) EventCodec.shared().decode(r.value()).data())
                    .flatMap(b -> b.frames().stream()).filter(FrameBatchCaptured.Frame::wasObserved).count();
            assertThat(observed).as("frames the page observed").isPositive();
            assertThat(last.frames()).isNotEmpty();
            byte[] jpeg = java.util.Base64.getDecoder().decode(last.frames().get(0).jpegBase64());
            assertThat(jpeg[0] & 0xff).isEqualTo(0xff);
            assertThat(jpeg[1] & 0xff).isEqualTo(0xd8);

            GatewayFixtures.send(Envelope.of("appeal-service", person.personId().toString(), "bureau-a", new PersonCertified(
                    person.personId(), "2026", CertificationChannel.SELF_SERVICE, Instant.now(), LocalDate.of(2027, 1, 1),
                    last.sessionId(), null, null)));
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    "CERTIFIED".equals(d.findElement(By.id("result-message")).getAttribute("data-outcome")));
            assertThat(driver.findElement(By.id("result-message")).getText()).isEqualTo("认证成功，下次认证期：2027年1月1日起");
            shot(driver, "5-result");
        } finally {
            driver.quit();
        }
    }

    @Test
    void cameraShowingNoFaceGetsTheHintBeforeAnythingIsUploaded() throws Exception {
        Path camera = stillCamera("no-face", "-f", "lavfi", "-i", "color=c=0x8a8a80:s=640x480:r=15", "-t", "2",
                "-vf", "noise=alls=12:allf=t");
        framingHintFor(camera, "NO_FACE", "未检测到人脸，请将脸部置于取景框内", "3-framing-no-face");
    }

    @Test
    void cameraShowingSeveralFacesGetsTheHint() throws Exception {
        Path photo = org.lifecert.testing.SharedData.face("multi/group4.jpg");
        Path camera = stillCamera("several-faces", "-loop", "1", "-i", photo.toString(), "-t", "2", "-r", "15", "-vf",
                "scale=640:480:force_original_aspect_ratio=decrease,pad=640:480:(ow-iw)/2:(oh-ih)/2");
        framingHintFor(camera, "SEVERAL_FACES", "画面中有多张人脸，请只让被认证人面对摄像头", "3-framing-several-faces");
    }

    private void framingHintFor(Path camera, String kind, String text, String shot) throws Exception {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        WebDriver driver = chromium(camera, 1000, 1100);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            login(driver, wait, person);
            driver.findElement(By.id("login-btn")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("self-btn"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("start-btn"))).click();
            new WebDriverWait(driver, Duration.ofSeconds(40)).until(d ->
                    kind.equals(d.findElement(By.id("framing-hint")).getAttribute("data-framing")));
            assertThat(driver.findElement(By.id("framing-hint")).getText()).isEqualTo(text);
            assertThat(driver.findElement(By.id("light-hint")).getText()).isEqualTo("光线合适，请保持脸部在取景框内");
            assertThat(driver.findElement(By.id("action-text")).getText()).as("no challenge before the framing is right").isBlank();
            shot(driver, shot);
        } finally {
            driver.quit();
        }
    }

    /** A fake-camera file made by ffmpeg from the given input arguments. */
    private static Path stillCamera(String name, String... input) throws Exception {
        Path y4m = Path.of("target/" + name + ".y4m");
        if (!Files.exists(y4m)) {
            List<String> command = new java.util.ArrayList<>(List.of("ffmpeg", "-y", "-loglevel", "error"));
            command.addAll(List.of(input));
            command.addAll(List.of("-pix_fmt", "yuv420p", y4m.toString()));
            Process ffmpeg = new ProcessBuilder(command).inheritIO().start();
            assertThat(ffmpeg.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(ffmpeg.exitValue()).isZero();
        }
        return y4m.toAbsolutePath();
    }

    @Test
    void recipientAddsARelativeFromThePage() throws Exception {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        Path document = Path.of("target/id-document.jpg").toAbsolutePath();
        Files.write(document, GatewayFixtures.jpeg(640, 400, 0.8f, 11));
        WebDriver driver = chromium(null, 360, 1000);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            login(driver, wait, person);
            driver.findElement(By.id("login-btn")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("add-relative-btn"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rel-id-number")))
                    .sendKeys(GatewayFixtures.newIdNumber());
            driver.findElement(By.id("rel-surname")).sendKeys("错"); // the enrollment stub refuses this name
            driver.findElement(By.id("rel-given-name")).sendKeys("四");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("rel-relationship"))).selectByValue("父母");
            driver.findElement(By.id("rel-photo")).sendKeys(document.toString());
            driver.findElement(By.id("relative-submit")).click();
            wait.until(d -> d.findElement(By.id("relative-message")).getText().contains("亲属姓名与身份证号不符"));
            shot(driver, "7-relative-refused-360px");
            driver.findElement(By.id("rel-surname")).clear();
            driver.findElement(By.id("rel-surname")).sendKeys("李");
            driver.findElement(By.id("relative-submit")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElement(By.id("state-message")).isDisplayed()
                    && d.findElement(By.id("state-message")).getText().contains("已添加亲情账户：李*，请为亲属扫脸认证"));
            shot(driver, "8-relative-added-360px");
        } finally {
            driver.quit();
        }
    }

    @Test
    void browserWithoutACameraIsToldThereIsNone() throws Exception {
        TestPerson person = GatewayFixtures.enroll("bureau-a", idNumbers, directory);
        GatewayFixtures.state(appeal, person.personId(), "DUE");
        WebDriver driver = chromium(null, 360, 800);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            login(driver, wait, person);
            shot(driver, "0-login-360px");
            driver.findElement(By.id("login-btn")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("self-btn"))).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("start-btn"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("camera-error")));
            String text = driver.findElement(By.id("camera-error")).getText();
            assertThat(text).contains("没有可用的摄像头")
                    .contains("可能是因为没有连接外部摄像头或者USB接口未插好，请连接摄像头或者重新插拔下摄像头。");
            shot(driver, "6-no-camera-360px");
        } finally {
            driver.quit();
        }
    }
}
