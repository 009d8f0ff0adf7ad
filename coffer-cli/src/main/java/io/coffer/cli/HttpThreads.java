package io.coffer.cli;

/**
 * Stops the JDK {@code HttpClient} selector threads before the process exits.
 *
 * <p>On JDK 17, {@code System.exit} waits up to 300 ms for Java threads that sit in native code;
 * an idle {@code HttpClient} selector thread is always there (blocked in {@code epoll_wait}), so
 * every CLI call paid 300 ms at exit. The selector loop ends when its thread is interrupted. Only
 * {@link CofferCli#main(String[])} calls this: in-process runs leave other clients alone.
 */
final class HttpThreads {
    private HttpThreads() {}

    static void stopSelectors() {
        Thread[] threads = new Thread[Thread.activeCount() + 8];
        int n = Thread.enumerate(threads);
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != null && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                t.interrupt();
                try {
                    t.join(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
