package io.coffer.cli.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Reads OpenPGP public keys from files for {@code -pgp-keys} and {@code -root-token-pgp-key}, as
 * the vault CLI does: a file may hold the key base64-encoded, binary, or ASCII-armored; the result
 * is always the standard base64 of the binary key, which is what {@code sys/init} and {@code
 * sys/rekey/init} take.
 *
 * <p>A leading {@code @} on a file name is ignored. Armored files are de-armored locally (the
 * base64 body between the headers and the checksum line), so no OpenPGP library is needed here.
 * {@code keybase:} names are refused: this CLI never contacts third-party key directories.
 */
public final class PgpKeyFiles {
    private final Function<String, Path> resolver;

    /** Creates a reader that resolves file names with {@code resolver} (working directory). */
    public PgpKeyFiles(Function<String, Path> resolver) {
        this.resolver = resolver;
    }

    /**
     * Reads a comma-separated list of key files, in order.
     *
     * @throws IOException naming the file that cannot be read or is empty
     */
    public List<String> readList(String commaSeparated) throws IOException {
        List<String> out = new ArrayList<>();
        if (commaSeparated.isEmpty()) {
            return out;
        }
        for (String name : commaSeparated.split(",", -1)) {
            out.add(read(name));
        }
        return out;
    }

    /**
     * Reads one key file and returns the key as standard base64.
     *
     * @throws IOException naming the file that cannot be read or is empty
     */
    public String read(String name) throws IOException {
        String n = name.strip();
        if (n.startsWith("keybase:")) {
            throw new IOException("keybase lookups are not supported; give the path of a public key file");
        }
        if (n.startsWith("@")) {
            n = n.substring(1);
        }
        if (n.isEmpty()) {
            throw new IOException("empty file name");
        }
        byte[] raw;
        try {
            raw = Files.readAllBytes(resolver.apply(n));
        } catch (NoSuchFileException e) {
            throw new IOException("open " + n + ": no such file or directory", e);
        }
        if (raw.length == 0) {
            throw new IOException("file " + n + " is empty");
        }
        return toBase64(raw, n);
    }

    /** Converts a key file's content (armored, base64 or binary) to standard base64. */
    static String toBase64(byte[] raw, String name) throws IOException {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String stripped = text.strip();
        if (stripped.startsWith("-----BEGIN PGP")) {
            return dearmor(stripped, name);
        }
        String compact = text.replace("\r", "").replace("\n", "");
        if (isStdBase64(compact)) {
            return compact;
        }
        return Base64.getEncoder().encodeToString(raw);
    }

    private static String dearmor(String armored, String name) throws IOException {
        String[] lines = armored.split("\r?\n", -1);
        StringBuilder body = new StringBuilder();
        int i = 1;
        while (i < lines.length && !lines[i].isBlank()) {
            if (!lines[i].contains(":")) {
                break;
            }
            i++;
        }
        for (; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("-----END") || (line.startsWith("=") && line.length() == 5)) {
                break;
            }
            body.append(line);
        }
        String b64 = body.toString();
        if (b64.isEmpty() || !isStdBase64(b64)) {
            throw new IOException("file " + name + " holds no valid ASCII-armored key");
        }
        return b64;
    }

    /** True for padded standard base64, which is what Go's {@code StdEncoding} accepts. */
    static boolean isStdBase64(String s) {
        if (s.isEmpty() || s.length() % 4 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/' || (c == '=' && i >= s.length() - 2);
            if (!ok) {
                return false;
            }
        }
        try {
            Base64.getDecoder().decode(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
