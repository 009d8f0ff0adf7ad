package io.coffer.core.seal;

import io.coffer.sdk.logical.exception.InvalidRequestException;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyKeyEncryptionMethodGenerator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Provider;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Date;
import java.util.Iterator;

/**
 * Encrypts key shares and root tokens to an operator's OpenPGP public key, as Vault does for
 * {@code pgp_keys} and {@code root_token_pgp_key}: the key is given base64 (binary or armored
 * key export), the result is the binary OpenPGP message, which callers encode. Decrypting it
 * with {@code base64 -d | gpg -dq} yields the share in hex (or the token), so no plaintext key
 * file ever has to exist.
 */
public final class PgpEncryptor {
    private final SecureRandom random;
    /** Made on first use: loading BouncyCastle costs most of a second, and most nodes never need it. */
    private Provider provider;

    public PgpEncryptor(SecureRandom random) {
        this.random = random;
    }

    /**
     * Checks that {@code base64Key} holds a usable encryption key, so init can refuse bad keys
     * before creating anything.
     *
     * @throws InvalidRequestException naming the key's position, never its content
     */
    public void validate(String base64Key, int position) {
        encryptionKey(base64Key, position);
    }

    /**
     * The shares as handed out: unchanged without keys; otherwise share {@code i} in hex,
     * encrypted to key {@code i} (the plain shares are zeroed).
     */
    public List<byte[]> encryptShares(List<byte[]> shares, List<String> base64Keys) {
        if (base64Keys.isEmpty()) {
            return shares;
        }
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            byte[] hex = HexFormat.of().formatHex(shares.get(i)).getBytes(StandardCharsets.US_ASCII);
            out.add(encrypt(hex, base64Keys.get(i), i));
            Arrays.fill(hex, (byte) 0);
            Arrays.fill(shares.get(i), (byte) 0);
        }
        return out;
    }

    /** Encrypts {@code plaintext} to the encryption key found in {@code base64Key}. */
    public byte[] encrypt(byte[] plaintext, String base64Key, int position) {
        PGPPublicKey key = encryptionKey(base64Key, position);
        try {
            PGPEncryptedDataGenerator generator = new PGPEncryptedDataGenerator(
                    new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                            .setWithIntegrityPacket(true).setSecureRandom(random).setProvider(provider()));
            generator.addMethod(new JcePublicKeyKeyEncryptionMethodGenerator(key).setSecureRandom(random)
                    .setProvider(provider()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (OutputStream encrypted = generator.open(out, new byte[4096])) {
                PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
                try (OutputStream data = literal.open(encrypted, PGPLiteralData.BINARY, "", plaintext.length, new Date(0))) {
                    data.write(plaintext);
                }
            }
            return out.toByteArray();
        } catch (IOException | PGPException e) {
            throw new InvalidRequestException("error encrypting with PGP key " + (position + 1));
        }
    }

    private synchronized Provider provider() {
        if (provider == null) {
            provider = new BouncyCastleProvider();
        }
        return provider;
    }

    private static PGPPublicKey encryptionKey(String base64Key, int position) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("error decoding given PGP key " + (position + 1) + ": not base64");
        }
        try {
            JcaPGPPublicKeyRingCollection rings = new JcaPGPPublicKeyRingCollection(
                    PGPUtil.getDecoderStream(new ByteArrayInputStream(raw)));
            if (rings.size() == 0) {
                throw new InvalidRequestException("error parsing given PGP key " + (position + 1));
            }
            for (Iterator<PGPPublicKeyRing> it = rings.getKeyRings(); it.hasNext(); ) {
                for (Iterator<PGPPublicKey> keys = it.next().getPublicKeys(); keys.hasNext(); ) {
                    PGPPublicKey k = keys.next();
                    if (k.isEncryptionKey() && !k.hasRevocation()) {
                        return k;
                    }
                }
            }
        } catch (IOException | PGPException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new InvalidRequestException("error parsing given PGP key " + (position + 1));
        }
        throw new InvalidRequestException("PGP key " + (position + 1) + " has no encryption subkey");
    }
}
