package api.support;

import api.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A command of the jar run in this JVM, as an operator would type it, with what it printed captured. */
public final class CommandRun {
    private CommandRun() {}

    public record Output(int status, String stdout, String stderr) {}

    /** {@code Main.run(args)} with {@code --data-dir=dataDir} added. */
    public static Output in(Path dataDir, String... args) {
        String[] withDataDir = new String[args.length + 1];
        System.arraycopy(args, 0, withDataDir, 0, args.length);
        withDataDir[args.length] = "--data-dir=" + dataDir;
        return of(withDataDir);
    }

    /** {@code Main.run(args)} as it is. */
    public static Output of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.run(args);
            return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
