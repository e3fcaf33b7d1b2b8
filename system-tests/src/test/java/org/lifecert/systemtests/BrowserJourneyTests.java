package org.lifecert.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lifecert.events.Topics;
import org.lifecert.systemtests.browser.Chromium;
import org.lifecert.systemtests.browser.FakeCamera;
import org.lifecert.systemtests.browser.KeycloakSignIn;
import org.lifecert.systemtests.browser.RecipientPage;
import org.lifecert.systemtests.clients.Attempts;
import org.lifecert.systemtests.clients.Certification;
import org.lifecert.systemtests.clients.Enrollment;
import org.lifecert.systemtests.clients.TestPerson;
import org.lifecert.systemtests.frames.Images;
import org.lifecert.systemtests.stack.Require;
import org.lifecert.systemtests.stack.StackExtension;
import org.lifecert.systemtests.stack.SystemStack;
import org.lifecert.testing.TopicReader;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Journeys 1-3 in Debian's Chromium (headless, chromedriver) against the running stack. Staff sign
 * in on Keycloak's own login form (code flow of the consoles; no token is injected); the recipient
 * uses the self-service page with ID number and captcha. Chromium's fake camera plays y4m files made
 * from the real webcam recordings ({@link FakeCamera}). Screenshots: target/screenshots.
 */
@ExtendWith(StackExtension.class)
@Order(7)
class BrowserJourneyTests {

    @BeforeAll
    static void chromium() {
        Chromium.requireInstalled();
    }

    /**
     * (1) The clerk enrols a person at the counter page with the counter webcam (the fake camera shows
     * the webcam person sitting still), a reviewer approves the collection, the person is CERTIFIED by
     * approved collection.
     */
    @Test
    void clerkEnrolsAtTheCounterWithTheWebcamAndTheApprovedCollectionCertifies() {
        Require.services("enrollment-service", "appeal-service");
        TestPerson person = TestPerson.random();
        String enrollment = SystemStack.get().url(Enrollment.SERVICE);
        WebDriver clerk = Chromium.open(FakeCamera.counterPortrait());
        UUID personId;
        try {
            KeycloakSignIn.open(clerk, enrollment + "/console/enroll.html", "clerk");
            WebDriverWait wait = new WebDriverWait(clerk, Duration.ofSeconds(30));
            wait.until(d -> d.findElement(By.id("lc-user")).getText().contains("demo-bureau"));
            assertThat(clerk.findElement(By.id("lc-user")).getText()).startsWith("clerk");

            clerk.findElement(By.id("surname")).sendKeys(person.surname());
            clerk.findElement(By.id("givenName")).sendKeys(person.givenName());
            clerk.findElement(By.id("idNumber")).sendKeys(person.idNumber());
            assertThat(clerk.findElement(By.id("birthDate")).getAttribute("value")).as("derived from the ID number")
                    .isEqualTo(person.birthDate().toString());
            new Select(clerk.findElement(By.id("benefitType"))).selectByValue("RETIREMENT");
            new Select(clerk.findElement(By.id("pensionPlace"))).selectByVisibleText("顺城区");
            clerk.findElement(By.id("phone")).sendKeys(person.phone());

            String answer = null;
            for (int take = 1; take <= 3; take++) {
                clerk.findElement(By.id(take == 1 ? "camera-on" : "retake")).click();
                wait.until(ExpectedConditions.elementToBeClickable(By.id("shoot")));
                wait.until(d -> d.findElement(By.id("hint")).getAttribute("class").matches(".*\\b(good|bad)\\b.*"));
                ((JavascriptExecutor) clerk).executeScript("document.getElementById('viewfinder').scrollIntoView({block: 'center'});");
                Chromium.shot(clerk, "journey1-clerk-webcam-" + take);
                clerk.findElement(By.id("shoot")).click();
                if (take == 1) {
                    clerk.findElement(By.id("save")).click();
                }
                wait.until(d -> d.findElement(By.id("photo-state")).getText().matches(".*照片(不)?合格.*"));
                answer = clerk.findElement(By.id("photo-state")).getText();
                System.out.printf("journey 1: counter webcam photo %d: %s%n", take, answer);
                if (answer.contains("照片合格")) {
                    break;
                }
            }
            Chromium.shot(clerk, "journey1-clerk-enrolled");
            assertThat(answer).as("the quality gate's answer to a webcam photo").contains("照片合格");
            String counterLink = clerk.findElement(By.id("to-counter")).getAttribute("href");
            personId = UUID.fromString(counterLink.substring(counterLink.indexOf("person=") + "person=".length()));
        } finally {
            Chromium.quietly(clerk);
        }
        JsonNode underReview = Certification.awaitState(personId, "COLLECTION_UNDER_REVIEW", Duration.ofSeconds(60));
        assertThat(underReview.path("bureau").asText()).isEqualTo("demo-bureau");

        // The reviewer signs in through Keycloak. The consoles have no collection-review page yet (gap in
        // the README): the reviewer's signed-in page calls the collection API with its own session cookie.
        WebDriver reviewer = Chromium.open(null);
        try {
            KeycloakSignIn.open(reviewer, enrollment + "/console/index.html", "reviewer");
            new WebDriverWait(reviewer, Duration.ofSeconds(30))
                    .until(d -> d.findElement(By.id("lc-user")).getText().contains("reviewer"));
            Chromium.shot(reviewer, "journey1-reviewer-signed-in");
            Object result = ((JavascriptExecutor) reviewer).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const personId = arguments[0];
                    LC.api('/api/v1/collections?status=PENDING&size=500').then((list) => {
                      const c = list.find((x) => x.personId === personId);
                      if (!c) { done('no pending collection for ' + personId); return null; }
                      return LC.api('/api/v1/collections/' + c.collectionId + '/review',
                          { method: 'POST', body: { approved: true, reason: '照片与本人一致（系统测试）' } })
                        .then(() => done('APPROVED'));
                    }).catch((e) => done('failed: ' + e.message));
                    """, personId.toString());
            assertThat(result).as("the reviewer's approval through the signed-in console session").isEqualTo("APPROVED");
        } finally {
            Chromium.quietly(reviewer);
        }
        Certification.awaitState(personId, "CERTIFIED", Duration.ofSeconds(60));
        assertThat(Certification.bureauView("clerk", personId).path("channel").asText()).isEqualTo("APPROVED_COLLECTION");
    }

    /**
     * (2) The recipient logs in on the page (ID number + captcha), the fake camera plays the webcam
     * person performing the actions, the page shows success with the next period; CERTIFIED by
     * self-service, decided exactly once.
     */
    @Test
    void recipientCertifiesOnThePageInFrontOfTheCamera() {
        Require.services("enrollment-service", "capture-gateway", "liveness-service", "face-match-service", "appeal-service");
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting(person, Attempts.webcamPersonReferencePhotos(), "image/jpeg");
        Certification.awaitState(personId, "DUE", Duration.ofSeconds(60));

        WebDriver browser = Chromium.open(FakeCamera.challengeActions(2));
        try {
            RecipientPage page = new RecipientPage(browser, "journey2");
            page.logIn(person.idNumber());
            String outcome = page.certifySelf();
            JsonNode steps = page.steps();
            System.out.printf("journey 2 in the browser: actions %s -> %s %s %s; steps as the page ran them: %s%n",
                    page.actionsShown(), outcome, page.resultMessage(), page.reasons(), steps);
            assertThat(outcome).as("challenge %s: %s %s, steps %s", page.actionsShown(), page.resultMessage(),
                    page.reasons(), steps).isEqualTo("CERTIFIED");
            // the page watches the frames it has time for and ends a step half a second after it sees the action;
            // a step whose action it missed (it skips frames while still busy with one: a loaded machine, CI
            // 2026-12-04 missed a blink) runs its full 8 s and the services decide as for any other step
            assertThat(steps.size()).as("steps %s", steps).isBetween(2, 3);
            int seenEarly = 0;
            for (JsonNode step : steps) {
                boolean seen = step.path("seenAfterMs").isNumber();
                assertThat(step.path("ms").asLong()).as("step %s", step).isLessThan(seen ? 8_000 : 8_600);
                seenEarly += seen ? 1 : 0;
            }
            assertThat(seenEarly).as("steps the page saw and ended early: %s", steps).isPositive();
            JsonNode state = Certification.awaitState(personId, "CERTIFIED", Duration.ofSeconds(30));
            LocalDate next = LocalDate.parse(state.path("nextPeriodStart").asText());
            assertThat(page.resultMessage()).isEqualTo(String.format("认证成功，下次认证期：%d年%d月%d日起", next.getYear(),
                    next.getMonthValue(), next.getDayOfMonth()));
        } finally {
            Chromium.quietly(browser);
        }
        assertThat(Certification.bureauView("clerk", personId).path("channel").asText()).isEqualTo("SELF_SERVICE");
        assertThat(SystemStack.get().topics().settle(Topics.CERTIFICATION, r -> personId.toString().equals(r.key())
                && TopicReader.valueContains("PersonCertified").test(r), Duration.ofSeconds(3)))
                .as("exactly one PersonCertified").hasSize(1);
    }

    /**
     * (3) Someone else in front of the camera: enrolled with howard's photos (verify set), the webcam
     * person performs. The first failure is made through the API as the page makes it (to keep the
     * suite short), the second on the page, which shows the appeal notice. The reviewer signs in
     * through Keycloak, opens the appeal in the reviewer console, sees both attempts with scores and
     * best frames shown inline, rejects with a reason; the page then refuses the login with the rejection message.
     */
    @Test
    void secondFailureOnThePageOpensAnAppealTheReviewerRejectsInTheConsole() {
        Require.services("enrollment-service", "capture-gateway", "liveness-service", "face-match-service", "appeal-service");
        TestPerson person = TestPerson.random();
        UUID personId = Enrollment.importExisting(person, Images.verifyPhotos("howard"), "image/png");
        Certification.awaitState(personId, "DUE", Duration.ofSeconds(60));
        Attempts.Outcome first = Attempts.performWithWebcamPerson(
                org.lifecert.systemtests.clients.Gateway.login(person.idNumber()), null, 41);
        assertThat(first.outcome()).as(first.result().toString()).isEqualTo("FAILED");
        Certification.awaitState(personId, "FAILED_ONCE", Duration.ofSeconds(30));

        WebDriver recipient = Chromium.open(FakeCamera.challengeActions(3));
        WebDriver reviewer = null;
        try {
            RecipientPage page = new RecipientPage(recipient, "journey3");
            page.logIn(person.idNumber());
            String outcome = page.certifySelf();
            System.out.printf("journey 3 second attempt in the browser: actions %s -> %s %s %s%n", page.actionsShown(),
                    outcome, page.resultMessage(), page.reasons());
            assertThat(outcome).as(page.resultMessage()).isEqualTo("APPEAL_OPENED");
            assertThat(page.resultMessage()).contains("申诉");
            Certification.awaitState(personId, "APPEAL_UNDER_REVIEW", Duration.ofSeconds(30));

            reviewer = Chromium.open(null);
            KeycloakSignIn.open(reviewer, SystemStack.get().url(Certification.SERVICE) + "/console/", "reviewer");
            WebDriverWait wait = new WebDriverWait(reviewer, Duration.ofSeconds(30));
            String masked = person.idNumber().substring(0, 3) + "*".repeat(11) + person.idNumber().substring(14);
            By open = By.cssSelector("#queue button[aria-label$='" + masked + "']");
            wait.until(ExpectedConditions.elementToBeClickable(open));
            Chromium.shot(reviewer, "journey3-reviewer-queue");
            reviewer.findElement(open).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
            wait.until(d -> d.findElements(By.cssSelector("#attempts tbody tr")).size() == 2);
            List<WebElement> rows = reviewer.findElements(By.cssSelector("#attempts tbody tr"));
            for (WebElement row : rows) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                assertThat(cells.get(1).getText()).isEqualTo("未通过");
                assertThat(cells.get(2).getText()).as("match score / threshold").matches("\\d\\.\\d{3} / \\d\\.\\d{3}");
                assertThat(cells.get(4).getText()).contains("NOT_MATCHED");
                WebElement frames = cells.get(5);
                wait.until(d -> frames.getAttribute("aria-busy") == null);
                List<WebElement> images = frames.findElements(By.tagName("img"));
                assertThat(images).as("the attempt's best frames shown inline: " + frames.getText()).isNotEmpty();
                for (WebElement image : images) {
                    assertThat(((Number) ((JavascriptExecutor) reviewer)
                            .executeScript("return arguments[0].naturalWidth", image)).intValue())
                            .as("evidence frame decoded by the browser").isPositive();
                    assertThat(image.getAttribute("alt")).contains("证据照片");
                }
            }
            Chromium.shot(reviewer, "journey3-reviewer-appeal-evidence");
            reviewer.findElement(By.id("reason")).sendKeys("比对照片与本人不符");
            reviewer.findElement(By.id("reject")).click();
            // the console says 已驳回：… and then reloads the queue, whose count replaces that line at once:
            // the decision shows as the appeal leaving the queue
            wait.until(ExpectedConditions.numberOfElementsToBe(open, 0));
            wait.until(d -> d.findElement(By.id("detail")).getAttribute("hidden") != null);
            Chromium.shot(reviewer, "journey3-reviewer-rejected");
            JsonNode rejected = Certification.awaitState(personId, "APPEAL_REJECTED", Duration.ofSeconds(30));
            assertThat(rejected.path("message").asText()).isEqualTo("您的申诉审核未通过，请去当地社保大厅办理");

            page.logIn(person.idNumber());
            assertThat(page.messageAfterLogin()).isEqualTo("您的申诉审核未通过，请去当地社保大厅办理");
            assertThat(page.offersSelfCertification()).as("为本人认证 offered after the rejection").isFalse();
            Chromium.shot(recipient, "journey3-5-after-rejection");
        } finally {
            Chromium.quietly(recipient);
            Chromium.quietly(reviewer);
        }
    }
}
