package api.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StartupPhasesTest {

    @Test
    void the_jvm_phase_counts_from_the_jvms_start_not_from_a_shell_that_execd_it() throws Exception {
        Path dir = Files.createTempDirectory("api-phases");
        Path log = dir.resolve("out.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the shell waits 3 s, then becomes the JVM: the same process, three seconds old at the JVM's birth
        var builder = new ProcessBuilder(List.of(
                        "bash",
                        "-c",
                        "sleep 3 && exec \"$0\" -cp \"$1\" api.Main serve --port=0 --data-dir=\"$2\"",
                        java,
                        System.getProperty("java.class.path"),
                        dir.resolve("data").toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("APP_ENV", "test");
        builder.environment().put("SECRET_KEY", "child-secret-key-that-is-long-enough-for-hs256");
        Process process = builder.start();
        try {
            Matcher jvm = Pattern.compile("Started in \\d+ ms: jvm (\\d+) ms").matcher("");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!jvm.reset(Files.readString(log)).find() && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue(jvm.reset(Files.readString(log)).find(), () -> read(log));
            long jvmMillis = Long.parseLong(jvm.group(1));
            assertTrue(jvmMillis < 3_000, "jvm phase " + jvmMillis + " ms counts the shell's sleep");
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
