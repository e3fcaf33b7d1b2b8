package org.lifecert.systemtests.browser;

import java.time.Duration;
import org.lifecert.systemtests.clients.Gateway;
import org.lifecert.systemtests.stack.SystemStack;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * capture-gateway's self-service page as a recipient uses it: ID number and captcha, 为本人认证,
 * 开始比对, the challenged actions in front of the (fake) camera, the result. The captcha answer is
 * read from the test stack's gateway database, as {@link Gateway} does (the page shows an image).
 */
public final class RecipientPage {

    private final WebDriver driver;
    private final String name;
    private final java.util.Set<String> actionsShown = new java.util.LinkedHashSet<>();

    public RecipientPage(WebDriver driver, String name) {
        this.driver = driver;
        this.name = name;
    }

    /** Fills in the ID number and the captcha and presses 登录; the caller checks where it led. */
    public void logIn(String idNumber) {
        driver.get(SystemStack.get().url(Gateway.SERVICE) + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("captcha-img")).getAttribute("data-captcha-id") != null);
        String captchaId = driver.findElement(By.id("captcha-img")).getAttribute("data-captcha-id");
        driver.findElement(By.id("id-number")).sendKeys(idNumber);
        driver.findElement(By.id("captcha-input")).sendKeys(Gateway.captchaAnswer(captchaId));
        Chromium.shot(driver, name + "-1-login");
        driver.findElement(By.id("login-btn")).click();
    }

    /**
     * After {@link #logIn}: 为本人认证, 开始比对, then the page runs the challenge (up to 8 s per action, ended once the page sees the action) with
     * the fake camera and waits for the result. Returns the result element's outcome.
     */
    public String certifySelf() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("self-btn"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("start-btn")));
        Chromium.shot(driver, name + "-2-guidance");
        driver.findElement(By.id("start-btn")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(d -> !d.findElement(By.id("action-text")).getText().isBlank());
        sleep(3000);
        Chromium.shot(driver, name + "-3-challenge");
        // 2-3 actions of 8 s, the uploads, then both workers and appeal-service on 2 shared cores
        new WebDriverWait(driver, Duration.ofSeconds(240)).until(d -> {
            String action = d.findElement(By.id("action-text")).getAttribute("data-action");
            if (action != null && !action.isBlank()) {
                actionsShown.add(action);
            }
            String outcome = d.findElement(By.id("result-message")).getAttribute("data-outcome");
            return outcome != null && !outcome.isBlank() && !outcome.equals("PENDING");
        });
        Chromium.shot(driver, name + "-4-result");
        return outcome();
    }

    /**
     * The page's own account of the last challenge's steps (#progress data-steps): per step the action, after how many
     * ms the page saw it in its frames (null: not seen, the step ran its full time), the frames grabbed and the step's ms.
     */
    public com.fasterxml.jackson.databind.JsonNode steps() {
        String json = driver.findElement(By.id("progress")).getAttribute("data-steps");
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json == null ? "[]" : json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The actions the page prompted for during the last challenge, in order. */
    public java.util.List<String> actionsShown() {
        return java.util.List.copyOf(actionsShown);
    }

    public String outcome() {
        return driver.findElement(By.id("result-message")).getAttribute("data-outcome");
    }

    /** The reasons the result view lists (the page's Chinese texts for the reason codes). */
    public java.util.List<String> reasons() {
        return driver.findElements(By.cssSelector("#result-reasons li")).stream().map(e -> e.getText()).toList();
    }

    public String resultMessage() {
        return driver.findElement(By.id("result-message")).getText();
    }

    /**
     * What the page tells the person after 登录: the home view's state message when the login is
     * accepted, or the login form's message when it is refused.
     */
    public String messageAfterLogin() {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> {
            String refused = d.findElement(By.id("login-message")).getText();
            if (!refused.isBlank()) {
                return refused;
            }
            boolean home = d.findElement(By.id("view-home")).isDisplayed();
            String state = d.findElement(By.id("state-message")).getText();
            return home && !state.isBlank() ? state : null;
        });
    }

    /** Whether the home view offers 为本人认证 (the gateway allows a self-service attempt). */
    public boolean offersSelfCertification() {
        return !driver.findElements(By.id("self-btn")).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
