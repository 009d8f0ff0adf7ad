package io.coffer.it.cli;

import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyPacket;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePublicKeyDataDecryptorFactoryBuilder;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.util.Base64;
import java.util.Date;

/**
 * An operator's OpenPGP key pair generated in memory for tests (RSA signing key with an RSA
 * encryption subkey): the public key in the three file forms {@code -pgp-keys} accepts, and
 * decryption of the base64 messages Coffer returns for PGP-protected shares and root tokens.
 */
public final class TestPgpKeyPair {
    private static final char[] PASSPHRASE = "test-only".toCharArray();
    private final Provider provider = new BouncyCastleProvider();
    private final PGPSecretKeyRing secret;
    private final byte[] publicKey;

    /** Generates a key pair for {@code identity} (e.g. {@code "alice <alice@example.test>"}). */
    public TestPgpKeyPair(String identity) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Date now = new Date();
        JcaPGPKeyPair sign = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.RSA_GENERAL,
                rsa.generateKeyPair(), now);
        JcaPGPKeyPair encrypt = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, PublicKeyAlgorithmTags.RSA_GENERAL,
                rsa.generateKeyPair(), now);
        PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator gen = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, sign, identity, sha1,
                null, null, new JcaPGPContentSignerBuilder(sign.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1).setProvider(provider)
                        .build(PASSPHRASE));
        gen.addSubKey(encrypt);
        this.secret = gen.generateSecretKeyRing();
        ByteArrayOutputStream pub = new ByteArrayOutputStream();
        gen.generatePublicKeyRing().encode(pub);
        this.publicKey = pub.toByteArray();
    }

    /** The public key ring in binary form ({@code gpg --export}). */
    public byte[] publicBinary() {
        return publicKey.clone();
    }

    /** The public key ring base64-encoded ({@code gpg --export | base64}). */
    public String publicBase64() {
        return Base64.getEncoder().encodeToString(publicKey);
    }

    /** The public key ring ASCII-armored ({@code gpg --export --armor}). */
    public String publicArmored() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream armor = ArmoredOutputStream.builder().build(out)) {
            armor.write(publicKey);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** Decrypts a base64 OpenPGP message encrypted to this key pair ({@code base64 -d | gpg -dq}). */
    public String decryptBase64(String message) throws Exception {
        JcaPGPObjectFactory factory = new JcaPGPObjectFactory(Base64.getDecoder().decode(message));
        Object o = factory.nextObject();
        PGPEncryptedDataList list = o instanceof PGPEncryptedDataList l ? l : (PGPEncryptedDataList) factory.nextObject();
        PGPPublicKeyEncryptedData data = (PGPPublicKeyEncryptedData) list.get(0);
        PGPPrivateKey key = secret.getSecretKey(data.getKeyID()).extractPrivateKey(
                new JcePBESecretKeyDecryptorBuilder().setProvider(provider).build(PASSPHRASE));
        try (InputStream clear = data.getDataStream(
                new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(provider).build(key))) {
            PGPLiteralData literal = (PGPLiteralData) new JcaPGPObjectFactory(clear).nextObject();
            return new String(literal.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return "TestPgpKeyPair[" + secret.getPublicKey().getKeyID() + "]";
    }
}
