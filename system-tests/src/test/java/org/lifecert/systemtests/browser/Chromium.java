package org.lifecert.systemtests.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver. With a camera file, Chromium's fake
 * camera plays it (a y4m made from the real footage by {@link FakeCamera}) to every page that opens
 * the camera, looping. Screenshots go to target/screenshots, kept as test artefacts.
 */
public final class Chromium {

    static final String BINARY = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";
    public static final Path SHOTS = Path.of("target/screenshots").toAbsolutePath();

    private Chromium() {
    }

    /** Fails the journey (not skipped: the issue requires the browser) when Chromium is absent. */
    public static void requireInstalled() {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            throw new AssertionError(BINARY + " and " + DRIVER
                    + " are needed for the browser journeys: apt-get install -y chromium chromium-driver ffmpeg");
        }
    }

    /** A new browser (its own profile, so its own cookies: one per signed-in person); camera may be null. */
    public static WebDriver open(Path camera) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=zh-CN",
                "--window-size=1280,1200", "--use-fake-ui-for-media-stream");
        if (camera != null) {
            options.addArguments("--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + camera);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1200));
        return driver;
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public static void shot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SHOTS);
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The whole page, not only the window: the window is made as tall as the page (at least the usual
     * 1200 px) for the screenshot, then set back. For long console pages (settings, dashboard).
     */
    public static void fullShot(WebDriver driver, String name) {
        Dimension before = driver.manage().window().getSize();
        Number height = (Number) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)");
        int tall = Math.max(before.getHeight(), height == null ? 0 : height.intValue() + 140);
        driver.manage().window().setSize(new Dimension(before.getWidth(), Math.min(tall, 6000)));
        try {
            shot(driver, name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    public static void quietly(WebDriver driver) {
        if (driver != null) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // the browser is gone already
            }
        }
    }
}
