package io.coffer.cli.api;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Join} and {@code path.Clean}, which Vault's client applies to API paths. */
public final class ApiPaths {
    private ApiPaths() {}

    /** Joins the non-empty elements with slashes and cleans the result ({@code ""} if none). */
    public static String join(String... elems) {
        StringBuilder sb = new StringBuilder();
        for (String e : elems) {
            if (e == null || e.isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(e);
        }
        return sb.length() == 0 ? "" : clean(sb.toString());
    }

    /** Removes duplicate and trailing slashes and {@code .}/{@code ..} elements. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        Deque<String> out = new ArrayDeque<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(seg);
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}
