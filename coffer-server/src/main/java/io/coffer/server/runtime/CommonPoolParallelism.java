package io.coffer.server.runtime;

import java.util.Properties;

/**
 * The JVM setting that keeps {@code CompletableFuture}'s asynchronous stages on a thread pool
 * on small machines; applied once, first thing in a server's {@code main}.
 *
 * <p>The JDK sizes its common {@code ForkJoinPool} at one thread fewer than the processors. On a
 * machine with one or two processors that is one, and then every {@code *Async} stage given no
 * executor runs on a <em>new thread</em> (the JDK's per-task executor). Apache Ratis'
 * follower-side append path composes with {@code thenComposeAsync}, so on a 2-vCPU node each
 * AppendEntries request started and tore down a thread: ~18 % of a follower's CPU under write
 * load in the profile recorded in {@code docs/benchmarks.md}. A parallelism of at least two makes
 * the JDK use the common pool instead.
 *
 * <p>An operator's own {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism} is left
 * as it is. The property only takes effect when set before anything touches the common pool,
 * hence {@link #apply} is the first call in {@code main}.
 */
public final class CommonPoolParallelism {
    /** The system property the JDK reads when it creates the common pool. */
    public static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
    /** The least parallelism at which the JDK runs asynchronous stages on the common pool. */
    static final int MINIMUM = 2;

    private CommonPoolParallelism() {
    }

    /** Applies {@link #choose} to this JVM's system properties and processor count. */
    public static void apply() {
        choose(System.getProperties(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * Sets {@link #PROPERTY} in {@code properties} to {@value #MINIMUM} when it is unset and the
     * JDK's default ({@code processors - 1}) would be below that. Returns the property's value
     * afterwards, or {@code null} when it stays unset (the JDK default applies).
     */
    static String choose(Properties properties, int processors) {
        String configured = properties.getProperty(PROPERTY);
        if (configured != null) {
            return configured;
        }
        if (processors - 1 < MINIMUM) {
            properties.setProperty(PROPERTY, Integer.toString(MINIMUM));
            return Integer.toString(MINIMUM);
        }
        return null;
    }
}
