package io.coffer.it.spring;

import org.springframework.vault.VaultException;
import org.springframework.vault.authentication.TokenAuthentication;
import org.springframework.vault.client.VaultEndpoint;
import org.springframework.vault.core.VaultTemplate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds real Spring Vault clients ({@link VaultTemplate} with {@link TokenAuthentication} and
 * Spring Vault's default request factory) against a Coffer address, and disposes of them.
 */
final class SpringVault implements AutoCloseable {
    private final String address;
    private final List<VaultTemplate> templates = new ArrayList<>();

    SpringVault(String address) {
        this.address = address;
    }

    /** A template authenticating with {@code token}. */
    VaultTemplate template(String token) {
        VaultTemplate template = new VaultTemplate(VaultEndpoint.from(URI.create(address)), new TokenAuthentication(token));
        templates.add(template);
        return template;
    }

    @Override
    public void close() {
        for (VaultTemplate t : templates) {
            try {
                t.destroy();
            } catch (Exception e) {
                throw new IllegalStateException("cannot dispose of a VaultTemplate", e);
            }
        }
        templates.clear();
    }

    /** Runs {@code call}, expects a {@link VaultException} and returns it. */
    static VaultException vaultError(Runnable call) {
        try {
            call.run();
        } catch (VaultException e) {
            return e;
        }
        throw new AssertionError("expected a VaultException");
    }
}
