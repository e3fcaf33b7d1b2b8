package org.lifecert.systemtests.browser;

import java.time.Duration;
import org.lifecert.systemtests.stack.SystemStack;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Signing in the way staff do: open a console page, the service (quarkus-oidc code flow) sends the
 * browser to Keycloak's own login form, the person types user name and password, Keycloak sends the
 * browser back with the code. No token is injected into the page.
 */
public final class KeycloakSignIn {

    private KeycloakSignIn() {
    }

    /** Opens {@code pageUrl}, signs in as the demo staff user on Keycloak's form, waits to be back on the page. */
    public static void open(WebDriver driver, String pageUrl, String user) {
        driver.get(pageUrl);
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        String keycloak = SystemStack.get().settings().oidcUrl();
        if (!driver.getCurrentUrl().startsWith(keycloak)) {
            throw new AssertionError("expected Keycloak's login form at " + keycloak + ", got " + driver.getCurrentUrl());
        }
        Chromium.shot(driver, "keycloak-login-" + user);
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(SystemStack.get().secret("demo.password"));
        driver.findElement(By.id("kc-login")).click();
        String service = pageUrl.substring(0, pageUrl.indexOf('/', "http://".length()));
        wait.until(d -> d.getCurrentUrl().startsWith(service));
    }
}
