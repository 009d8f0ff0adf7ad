package io.coffer.cli.output;

import java.util.Map;

/**
 * The {@code ====== Title ======} section headers of {@code kv get}, {@code kv put} and
 * {@code kv metadata get}, sized the way the vault CLI sizes them.
 */
public final class Banners {
    private Banners() {}

    /** Pads {@code header} with equal signs on both sides to about {@code totalLen} characters. */
    public static String padEqualSigns(String header, int totalLen) {
        int equalSigns = totalLen - (header.length() + 2);
        if (equalSigns <= 0) {
            equalSigns = 4;
        }
        if (equalSigns % 2 != 0) {
            equalSigns++;
        }
        String side = "=".repeat(equalSigns / 2);
        return side + " " + header + " " + side;
    }

    /** Header sized for a Key/Value table of {@code data}: widest key + 4 + len("value"). */
    public static String forMap(String header, Map<String, ?> data) {
        int maxKey = 0;
        if (data != null) {
            for (String k : data.keySet()) {
                maxKey = Math.max(maxKey, k.length());
            }
        }
        return padEqualSigns(header, maxKey + 4 + 5);
    }

    /** Prints {@code ==== title ====}, the path and a blank line, as vault's {@code outputPath}. */
    public static void path(Ui ui, String path, String title) {
        ui.info(padEqualSigns(title, path.length()));
        ui.info(path);
        ui.info("");
    }
}
