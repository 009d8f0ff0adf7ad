package io.coffer.server.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts and stops {@code coffer server -config=FILE} processes that outlive the command that
 * started them: the same {@code java} and class path as this JVM (and its
 * {@code java.library.path}, where the launcher unpacked RocksDB's native library), output
 * appended to a log file, the process id in a pid file.
 */
public final class NodeLauncher {

    /** Starts a node on {@code config}; writes its pid to {@code pidFile}. */
    public void start(Path config, Path log, Path pidFile) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String libraryPath = System.getProperty("java.library.path");
        if (libraryPath != null && !libraryPath.isEmpty()) {
            cmd.add("-Djava.library.path=" + libraryPath);
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.coffer.server.ServerCommand", "server",
                "-config=" + config));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        Files.writeString(pidFile, Long.toString(p.pid()) + "\n", StandardCharsets.UTF_8);
    }

    /** Whether the process named by {@code pidFile} runs. */
    public boolean isRunning(Path pidFile) {
        return process(pidFile).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops the process of {@code pidFile} (SIGTERM, SIGKILL after 10 s); returns whether one ran. */
    public boolean stop(Path pidFile) throws InterruptedException {
        Optional<ProcessHandle> p = process(pidFile);
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        p.get().destroy();
        try {
            p.get().onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.get().destroyForcibly();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file is harmless: isRunning checks the process
        }
        return true;
    }

    /** {@code kill -9} of the process of {@code pidFile}; waits until it is gone. */
    public void kill(Path pidFile) throws InterruptedException {
        Optional<ProcessHandle> p = process(pidFile);
        if (p.isEmpty() || !p.get().isAlive()) {
            return;
        }
        p.get().destroyForcibly();
        try {
            p.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("process " + p.get().pid() + " did not die", e);
        }
    }

    /** The process id recorded in {@code pidFile}, if any. */
    public Optional<Long> pid(Path pidFile) {
        return process(pidFile).map(ProcessHandle::pid);
    }

    private static Optional<ProcessHandle> process(Path pidFile) {
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
