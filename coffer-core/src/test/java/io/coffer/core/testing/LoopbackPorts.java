package io.coffer.core.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks loopback ports for test servers that are stopped and started again on the same port.
 * The ports come from below the kernel's ephemeral range (32768 and up on Linux), so that an
 * outgoing connection made while a server is down (another node dialling it, a client) can
 * never be given that server's port as its local port and block the restart; a port asked for
 * with {@code new ServerSocket(0)} comes from that range and can. Each port was bindable on
 * 127.0.0.1 when picked, and no port is handed out twice in one JVM.
 */
public final class LoopbackPorts {
    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /** A free loopback port. */
    public static int next() {
        return nextRun(1);
    }

    /** A port {@code p} such that {@code p .. p + count - 1} are all free loopback ports. */
    public static int nextRun(int count) {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(FIRST, LAST - count);
            if (claim(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no free loopback ports in " + FIRST + "-" + LAST);
    }

    private static boolean claim(int first, int count) {
        for (int p = first; p < first + count; p++) {
            if (HANDED_OUT.contains(p) || !bindable(p)) {
                return false;
            }
        }
        for (int p = first; p < first + count; p++) {
            if (!HANDED_OUT.add(p)) {
                return false;
            }
        }
        return true;
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
