package io.coffer.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads HTTP/1.x responses from one connection's input stream: status line, headers, and a body
 * framed by {@code Content-Length}, {@code Transfer-Encoding: chunked} or the end of the stream.
 * Interim {@code 1xx} responses are skipped. After each response it tells whether the connection
 * must be closed ({@code Connection: close}, HTTP/1.0 without keep-alive, or a body read to the
 * end of the stream).
 *
 * <p>The body is kept (up to a cap) in a reused buffer so error answers can be shown; headers are
 * matched on bytes without building strings for the common ones. Not thread-safe; one per
 * connection.
 */
final class HttpResponseReader {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_KEPT_BODY = 1024 * 1024;
    private static final byte[] HTTP_1 = ascii("HTTP/1.");
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");

    private final InputStream in;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] body = new byte[1024];
    private int bodyLength;
    private boolean closeAfter;

    HttpResponseReader(InputStream in) {
        this.in = in;
    }

    /**
     * Reads one complete final response and returns its status code.
     *
     * @throws PrematureCloseException if the stream ended before the first byte of the response
     * @throws IOException on a malformed response, a stream ending mid-response, or a timeout
     */
    int read() throws IOException {
        bodyLength = 0;
        boolean first = true;
        while (true) {
            if (!readLine(first)) {
                throw new PrematureCloseException();
            }
            first = false;
            int status = readHead();
            if (status >= 100 && status < 200 && status != 101) {
                continue;
            }
            return status;
        }
    }

    /** Whether the connection must be closed after the response just read. */
    boolean closeAfter() {
        return closeAfter;
    }

    /** The buffer holding the kept body bytes of the response just read; reused by the next read. */
    byte[] bodyBuffer() {
        return body;
    }

    /** How many bytes of {@link #bodyBuffer()} are the kept body (at most the first MiB). */
    int bodyLength() {
        return bodyLength;
    }

    /** The body of the response just read (at most the first MiB), decoded as UTF-8. */
    String bodyText() {
        return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
    }

    private int readHead() throws IOException {
        // status line, already in `line`: HTTP/1.x SSS reason
        if (lineLength < 12 || !startsWith(HTTP_1, line) || line[8] != ' '
                || !isDigit(line[9]) || !isDigit(line[10]) || !isDigit(line[11])
                || (lineLength > 12 && line[12] != ' ')) {
            throw new ProtocolException("malformed status line");
        }
        boolean http10 = line[7] == '0';
        int status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        boolean keepAlive = false;
        while (true) {
            if (!readLine(false)) {
                throw new EOFException("connection closed inside the response headers");
            }
            if (lineLength == 0) {
                break;
            }
            int colon = indexOf(line, lineLength, (byte) ':');
            if (colon <= 0) {
                throw new ProtocolException("malformed header line");
            }
            if (nameIs(CONTENT_LENGTH, colon)) {
                contentLength = parseContentLength(value(colon));
            } else if (nameIs(TRANSFER_ENCODING, colon)) {
                String[] codings = value(colon).split(",");
                chunked = codings[codings.length - 1].trim().equalsIgnoreCase("chunked");
            } else if (nameIs(CONNECTION, colon)) {
                for (String token : value(colon).split(",")) {
                    close |= token.trim().equalsIgnoreCase("close");
                    keepAlive |= token.trim().equalsIgnoreCase("keep-alive");
                }
            }
        }
        closeAfter = close || (http10 && !keepAlive);
        if (status < 200 || status == 204 || status == 304) {
            return status;
        }
        if (chunked) {
            readChunkedBody();
        } else if (contentLength >= 0) {
            readFixedBody(contentLength);
        } else {
            readBodyToEnd();
            closeAfter = true;
        }
        return status;
    }

    private void readChunkedBody() throws IOException {
        while (true) {
            if (!readLine(false)) {
                throw new EOFException("connection closed inside a chunked body");
            }
            long size = parseChunkSize();
            if (size == 0) {
                break;
            }
            readFixedBody(size);
            if (!readLine(false) || lineLength != 0) {
                throw new ProtocolException("chunk not followed by CRLF");
            }
        }
        do {  // trailer section up to the empty line
            if (!readLine(false)) {
                throw new EOFException("connection closed inside the chunked trailer");
            }
        } while (lineLength != 0);
    }

    private long parseChunkSize() throws ProtocolException {
        long size = 0;
        int digits = 0;
        for (int i = 0; i < lineLength; i++) {
            int d = Character.digit(line[i], 16);
            if (d < 0) {
                if (line[i] == ';' || line[i] == ' ' || line[i] == '\t') {
                    break;
                }
                throw new ProtocolException("malformed chunk size");
            }
            if (++digits > 15) {
                throw new ProtocolException("chunk size too large");
            }
            size = size * 16 + d;
        }
        if (digits == 0) {
            throw new ProtocolException("malformed chunk size");
        }
        return size;
    }

    private void readFixedBody(long length) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed inside the response body");
            }
            int n = (int) Math.min(remaining, limit - position);
            keep(position, n);
            position += n;
            remaining -= n;
        }
    }

    private void readBodyToEnd() throws IOException {
        while (position < limit || fill()) {
            keep(position, limit - position);
            position = limit;
        }
    }

    private void keep(int offset, int length) {
        int n = Math.min(length, MAX_KEPT_BODY - bodyLength);
        if (n <= 0) {
            return;
        }
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.min(MAX_KEPT_BODY, Math.max(body.length * 2, bodyLength + n)));
        }
        System.arraycopy(buffer, offset, body, bodyLength, n);
        bodyLength += n;
    }

    /**
     * Reads one line (without its CRLF or bare LF) into {@code line}.
     *
     * @return false if the stream ended before any byte of the line
     */
    private boolean readLine(boolean mayEndCleanly) throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any && mayEndCleanly) {
                    return false;
                }
                throw new EOFException("connection closed inside the response");
            }
            any = true;
            byte b = buffer[position++];
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            if (lineLength == line.length) {
                if (line.length >= MAX_LINE) {
                    throw new ProtocolException("response line longer than " + MAX_LINE + " bytes");
                }
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[lineLength++] = b;
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private boolean nameIs(byte[] lowerName, int nameLength) {
        if (nameLength != lowerName.length) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            byte b = line[i];
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private String value(int colon) {
        return new String(line, colon + 1, lineLength - colon - 1, StandardCharsets.ISO_8859_1).trim();
    }

    private static long parseContentLength(String value) throws ProtocolException {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ProtocolException("malformed Content-Length");
        }
        return Long.parseLong(value);
    }

    private static boolean startsWith(byte[] prefix, byte[] bytes) {
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
