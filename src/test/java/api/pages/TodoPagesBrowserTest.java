package api.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import api.support.MailServer;
import api.support.TestApp;
import api.support.TestConfig;
import api.support.TestDb;
import api.support.TestDbs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The task pages in a real headless Chromium (Debian's chromium and chromium-driver): from sign-up to sign-out, and a
 * forgotten password through the mailed link to a changed one.
 */
@Tag("browser")
class TodoPagesBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Debian's chromium is often newer than Selenium's DevTools bindings; the test does not use DevTools. Held so it is not collected. */
    private static final java.util.logging.Logger DEVTOOLS_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private static TestApp app;
    private static MailServer mail;
    private static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(
                    "CI needs chromium and chromium-driver (apt-get install -y chromium chromium-driver) for the browser test");
        }
        assumeTrue(installed, "chromium or chromedriver is not installed: skipping the browser test");

        TestDb db = TestDbs.h2();
        db.truncateAll();
        mail = MailServer.start();
        app = TestApp.start(TestConfig.forDb(db, mail.settings()), db);
        DEVTOOLS_LOG.setLevel(java.util.logging.Level.OFF);
        profile = Files.createTempDirectory("chromium-profile");
        // explicit paths, so Selenium Manager never tries to download a driver or a browser
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--user-data-dir=" + profile,
                        "--window-size=1280,900",
                        "--lang=en-US");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (app != null) {
            app.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .map(Path::toFile)
                        .forEach(File::delete);
            }
        }
    }

    @Test
    void a_new_user_signs_up_signs_in_creates_and_completes_a_task_and_signs_out() throws Exception {
        String email = "browser@example.com";
        String password = "ブラウザの合言葉";
        browser.get(app.uri("/tasks/").toString());
        assertTrue(arrivesAt("/tasks/login"), browser.getCurrentUrl());

        browser.findElement(By.linkText("Sign up")).click();
        assertTrue(arrivesAt("/tasks/signup"), browser.getCurrentUrl());
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertTrue(arrivesAt("/tasks/"), browser.getCurrentUrl());
        assertEquals(
                email,
                browser.findElement(By.cssSelector(".signed-in-as")).getText().strip());

        signOut();
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertTrue(arrivesAt("/tasks/"), browser.getCurrentUrl());

        String title = "ブラウザで作ったタスク";
        browser.findElement(By.linkText("New task")).click();
        assertTrue(arrivesAt("/tasks/new"), browser.getCurrentUrl());
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("description")).sendKeys("日本語の説明, with a comma");
        new Select(browser.findElement(By.id("priority"))).selectByValue("2");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertTrue(arrivesAt("/tasks/"), browser.getCurrentUrl());
        WebElement card = cardTitled(title);
        assertEquals("高 / High", card.findElement(By.cssSelector(".badge")).getText());
        screenshot("tasks-page.png");

        card.findElement(By.cssSelector(".complete-button")).click();

        assertTrue(arrivesAt("/tasks/"), browser.getCurrentUrl());
        assertTrue(browser.findElements(By.xpath("//h2[normalize-space()='" + title + "']"))
                .isEmpty());
        browser.findElement(By.linkText("Completed")).click();
        cardTitled(title);
        String csvLink = browser.findElement(By.partialLinkText("Download CSV")).getAttribute("href");
        assertTrue(csvLink.endsWith("/tasks/download/completed"), csvLink);

        String session = browser.manage().getCookieNamed("session").getValue();
        var csv = app.get(java.net.URI.create(csvLink).getPath(), "Cookie", "session=" + session);
        List<String> rows = List.of(csv.body().split("\r\n"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).contains(",\"" + title + "\",\"日本語の説明, with a comma\",\"高 / High\","), rows.get(1));

        signOut();
        assertNull(browser.manage().getCookieNamed("session"));
        browser.get(app.uri("/tasks/").toString());
        assertTrue(arrivesAt("/tasks/login"), browser.getCurrentUrl());
    }

    @Test
    void a_forgotten_password_is_reset_through_the_mailed_link_then_changed_on_the_account_page() throws Exception {
        String email = "forgetful@example.com";
        String reset = "リセット後の合言葉";
        String changed = "changed-again-パスワード";
        assertEquals(
                201,
                app.postJson("/users", Map.of("email", email, "password", "the-first-password"))
                        .status());

        browser.get(app.uri("/tasks/login").toString());
        browser.findElement(By.linkText("Forgot password?")).click();
        assertTrue(arrivesAt("/tasks/forgot"), browser.getCurrentUrl());
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertTrue(browser.findElement(By.cssSelector(".form-notice")).getText().contains("on its way"));

        // the link starts with PUBLIC_URL; the browser follows its path and token on the test app
        String link = MailServer.resetLink(mail.message(1));
        browser.get(app.uri(link.substring(MailServer.PUBLIC_URL.length())).toString());
        browser.findElement(By.id("password")).sendKeys(reset);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertTrue(arrivesAt("/tasks/login?notice=reset"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.cssSelector(".form-notice")).getText().contains("new password is set"));

        signIn(email, reset);
        browser.findElement(By.cssSelector(".account-link")).click();
        assertTrue(arrivesAt("/tasks/account"), browser.getCurrentUrl());
        browser.findElement(By.id("current_password")).sendKeys(reset);
        browser.findElement(By.id("new_password")).sendKeys(changed);
        browser.findElement(By.cssSelector(".password-form button[type=submit]"))
                .click();
        assertTrue(arrivesAt("/tasks/account?notice=changed"), browser.getCurrentUrl());
        screenshot("account-page.png");

        signOut();
        signIn(email, changed);
        assertEquals(
                email,
                browser.findElement(By.cssSelector(".signed-in-as")).getText().strip());
        signOut();
    }

    private static void signIn(String email, String password) {
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertTrue(arrivesAt("/tasks/"), browser.getCurrentUrl());
    }

    private static void signOut() {
        browser.findElement(By.cssSelector(".sign-out-button")).click();
        assertTrue(arrivesAt("/tasks/login"), browser.getCurrentUrl());
    }

    /** The form posts and redirects; on a loaded machine the browser may not be there yet when asked. */
    private static boolean arrivesAt(String pathSuffix) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlMatches(".*" + Pattern.quote(pathSuffix) + "$"));
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    private static WebElement cardTitled(String title) {
        return browser.findElement(
                By.xpath("//div[contains(@class,'task-card')][.//h2[normalize-space()='" + title + "']]"));
    }

    private static void screenshot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Path shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
