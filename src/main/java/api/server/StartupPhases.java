package api.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/** How long each phase of a start took, logged once the server listens, so it is plain where start-up time goes. */
public final class StartupPhases {
    private record Phase(String name, long millis) {}

    private final List<Phase> phases = new ArrayList<>();
    private long last = System.nanoTime();

    /** Begins the count at {@code main}: the first phase is the JVM's own start, from its launch. */
    public StartupPhases() {
        jvmAgeMillis().ifPresent(age -> phases.add(new Phase("jvm", age)));
    }

    /**
     * The age of the launcher's main thread, the first one the java launcher starts, from Linux's clock-tick counts:
     * the process itself may be older, a shell that exec'd java after a build ({@code ProcessHandle}'s start instant
     * is that, and only exact to the second). Empty elsewhere.
     */
    private static OptionalLong jvmAgeMillis() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            long pid = ProcessHandle.current().pid();
            long firstThread = tasks.mapToLong(
                            task -> Long.parseLong(task.getFileName().toString()))
                    .filter(tid -> tid != pid)
                    .min()
                    .orElse(pid);
            String stat = Files.readString(Path.of("/proc/self/task/" + firstThread + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long startTicks = Long.parseLong(fields[19]); // field 22 of stat, counted after the command name
            double uptimeSeconds =
                    Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
            return OptionalLong.of(Math.max(0, Math.round(uptimeSeconds * 1000 - startTicks * 10)));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /** Ends the phase called {@code name}, begun where the previous one ended. */
    public void end(String name) {
        long now = System.nanoTime();
        phases.add(new Phase(name, (now - last) / 1_000_000));
        last = now;
    }

    public long totalMillis() {
        return phases.stream().mapToLong(Phase::millis).sum();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Phase phase : phases) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(phase.name())
                    .append(' ')
                    .append(phase.millis())
                    .append(" ms");
        }
        return text.toString();
    }
}
