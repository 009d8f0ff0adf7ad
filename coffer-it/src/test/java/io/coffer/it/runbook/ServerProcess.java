package io.coffer.it.runbook;

import io.coffer.server.ServerCommand;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A {@code coffer server -config=FILE} child process started with this JVM's {@code java} and
 * class path, its standard output and error appended to one log file; {@link #kill()} is
 * {@code kill -9}.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the server on {@code config}, appending its output to {@code log}. */
    static ServerProcess start(Path config, Path log) throws IOException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServerCommand.class.getName(), "server",
                "-config=" + config)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServerProcess(p, log);
    }

    /**
     * Waits until {@code address} answers {@code sys/seal-status}.
     *
     * @throws IllegalStateException if the process exits or does not answer within {@code timeout}
     */
    void awaitListening(String address, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + output());
            }
            if (answers(address)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server did not answer within " + timeout + ":\n" + output());
    }

    private static boolean answers(String address) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(address + "/v1/sys/seal-status").toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code kill -9}: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server process did not die");
        }
    }

    /** Everything the process has written so far (it may contain no key material). */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return "ServerProcess[pid " + process.pid() + "]";
    }
}
