package io.coffer.server.config;

import io.coffer.core.CofferVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines {@code coffer server -config} prints at start, in the layout of {@code vault server}:
 * API address, listeners (with the bound port), log level, storage type and version. It holds
 * configuration only — no key, share or token ever appears in it.
 */
public final class StartupBanner {

    private StartupBanner() {
    }

    /** The banner of {@code node}, ending with Vault's "started" line. */
    public static List<String> lines(ConfiguredNode node) {
        ServerConfig c = node.config();
        List<String> addresses = node.addresses();
        List<String> out = new ArrayList<>();
        out.add("==> Coffer server configuration:");
        out.add("");
        out.add(field("Api Address", c.apiAddr().orElse(addresses.get(0))));
        c.clusterAddr().ifPresent(a -> out.add(field("Cluster Address", a)));
        out.add(field("Cluster Name", node.clusterName()));
        for (int i = 0; i < c.listeners().size(); i++) {
            out.add(field("Listener " + (i + 1), listener(c.listeners().get(i), addresses.get(i))));
        }
        out.add(field("Log Level", c.logLevel().configName()));
        out.add(field("Mlock", "supported: false, enabled: false"));
        out.add(field("Recovery Mode", "false"));
        out.add(field("Storage", c.storage().type() + storageDetail(c.storage())));
        out.add(field("Version", "Coffer v" + CofferVersion.COFFER_VERSION + " (Vault API " + CofferVersion.VERSION
                + "), built " + CofferVersion.BUILD_DATE));
        out.add("");
        if (!c.defaultLeaseTtl().equals(ServerConfig.SYSTEM_TTL) || !c.maxLeaseTtl().equals(ServerConfig.SYSTEM_TTL)) {
            out.add("WARNING! default_lease_ttl and max_lease_ttl are validated but not applied yet;");
            out.add("the system default and maximum lease TTL stay 768h.");
            out.add("");
        }
        out.add("==> Coffer server started! Log data will stream in below:");
        out.add("");
        return out;
    }

    private static String field(String name, String value) {
        return String.format("%24s: %s", name, value);
    }

    private static String listener(TcpListener l, String bound) {
        String addr = l.host().contains(":") ? "[" + l.host() + "]" : l.host();
        int port = Integer.parseInt(bound.substring(bound.lastIndexOf(':') + 1));
        StringBuilder b = new StringBuilder("tcp (addr: \"").append(addr).append(':').append(port).append('"');
        l.clusterAddress().ifPresent(a -> b.append(", cluster address: \"").append(a).append('"'));
        b.append(", max_request_size: \"").append(l.maxRequestSize()).append('"');
        b.append(", tls: \"").append(l.tlsDisable() ? "disabled" : "enabled").append("\")");
        return b.toString();
    }

    private static String storageDetail(StorageConfig s) {
        if (s instanceof StorageConfig.File f) {
            return " (path: \"" + f.path() + "\")";
        }
        return "";
    }
}
