package org.consentry.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages (chromium, chromium-driver), driven by Selenium: the console
 * as its users see it, at 1280x800. Without the packages the browser tests are skipped, except under
 * CI=true, where they fail (.ci/run installs them).
 */
public final class Browser implements AutoCloseable {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final String DRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    public final ChromeDriver driver;
    private final URL base;

    private Browser(ChromeDriver driver, URL base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser open(URL base) {
        String chromium = CHROMIUM.stream().filter(p -> new File(p).canExecute()).findFirst().orElse(null);
        if (chromium == null || !new File(DRIVER).canExecute()) {
            String why = "headless Chromium is not installed (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + ": CI must run the browser tests");
            }
            Assumptions.abort(why);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        // the test server's HTTPS port has Liberty's generated self-signed certificate (single sign-on: SsoIT)
        options.setAcceptInsecureCerts(true);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
                "--lang=en-US", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), base);
    }

    public Browser go(String path) {
        driver.get(base.toString().replaceAll("/$", "") + "/" + path);
        return this;
    }

    /** Opens the console and signs in. */
    public Browser signIn(String user, String password) {
        go("console/");
        type(By.id("user"), user);
        type(By.id("password"), password);
        driver.findElement(By.id("signin")).click();
        waitFor(By.id("signout"));
        waitUntil(d -> d.findElement(By.id("signout")).isDisplayed());
        return this;
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Finds and clicks in one step, again if the page drew the element anew in between: a live list
     * (the queue, a chat) is redrawn on every event, and an element found before a redraw is stale.
     */
    public void click(By by) {
        waitUntil(d -> {
            d.findElement(by).click();
            return true;
        });
    }

    public void waitUntilGone(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /** Waits for the condition; an element the page re-rendered meanwhile is looked up again. */
    public <T> T waitUntil(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    public void type(By by, String text) {
        WebElement field = waitFor(by);
        field.clear();
        field.sendKeys(text);
    }

    public Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    public Browser size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails on any error the page's console reported: a script error, or anything the
     * Content-Security-Policy blocked (our own code must run under it untouched).
     */
    public void assertNoConsoleErrors() {
        List<String> errors = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(e -> e.getMessage())
                .filter(m -> !m.contains("status of 401") && !m.contains("status of 403") && !m.contains("status of 409")
                        && !m.contains("status of 400"))
                .toList();
        Assertions.assertEquals(List.of(), errors, "errors in the browser's console");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
