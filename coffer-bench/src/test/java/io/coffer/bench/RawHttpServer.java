package io.coffer.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-scripted HTTP server over raw sockets on 127.0.0.1 for behaviours the JDK server cannot
 * produce: each accepted connection reads one request head (and ignores any body), then the
 * script decides what to write and whether to keep the connection.
 */
final class RawHttpServer implements AutoCloseable {

    /** What to do on a connection after reading one request. */
    interface Script {
        /**
         * @param connection 0-based connection number
         * @param request 0-based request number on this connection
         * @return bytes to write, or null to stay silent forever
         */
        String respond(int connection, int request);

        /** Whether to close the connection after writing the response. */
        boolean closeAfter(int connection, int request);
    }

    private final ServerSocket serverSocket;
    private final Script script;
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    RawHttpServer(Script script) throws IOException {
        this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::acceptLoop, "raw-http-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    HttpEndpoint endpoint() {
        return new HttpEndpoint("127.0.0.1", serverSocket.getLocalPort(), "127.0.0.1:" + serverSocket.getLocalPort());
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                sockets.add(socket);
                int number = connections.getAndIncrement();
                Thread t = new Thread(() -> serve(socket, number), "raw-http-" + number);
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            InputStream in = socket.getInputStream();
            for (int request = 0; ; request++) {
                if (!readHead(in)) {
                    return;
                }
                String response = script.respond(connection, request);
                if (response == null) {
                    in.read();  // blocks until the client gives up
                    return;
                }
                socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                if (script.closeAfter(connection, request)) {
                    return;
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static boolean readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            String s = head.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                int at = s.toLowerCase().indexOf("content-length:");
                if (at >= 0) {
                    int length = Integer.parseInt(s.substring(at + 15, s.indexOf("\r\n", at)).trim());
                    in.readNBytes(length);
                }
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
