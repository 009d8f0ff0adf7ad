package io.coffer.core.seal;

import org.bouncycastle.bcpg.HashAlgorithmTags;
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
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.util.Base64;
import java.util.Date;

/**
 * An operator's OpenPGP key pair made in memory for tests: the public key as the base64 that
 * {@code pgp_keys} takes, and decryption of what Coffer encrypted to it.
 */
final class TestPgpKeys {
    private static final char[] PASSPHRASE = "test".toCharArray();
    private final Provider provider = new BouncyCastleProvider();
    private final PGPSecretKeyRing secret;
    private final String publicBase64;

    TestPgpKeys(String identity) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Date now = new Date();
        JcaPGPKeyPair sign = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, org.bouncycastle.bcpg.PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), now);
        JcaPGPKeyPair encrypt = new JcaPGPKeyPair(PublicKeyPacket.VERSION_4, org.bouncycastle.bcpg.PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(), now);
        PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().build().get(HashAlgorithmTags.SHA1);
        PGPKeyRingGenerator gen = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, sign, identity, sha1, null, null,
                new JcaPGPContentSignerBuilder(sign.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256),
                new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1).setProvider(provider).build(PASSPHRASE));
        gen.addSubKey(encrypt);
        this.secret = gen.generateSecretKeyRing();
        ByteArrayOutputStream pub = new ByteArrayOutputStream();
        gen.generatePublicKeyRing().encode(pub);
        this.publicBase64 = Base64.getEncoder().encodeToString(pub.toByteArray());
    }

    String publicKeyBase64() {
        return publicBase64;
    }

    /** Decrypts a binary OpenPGP message encrypted to this key pair. */
    byte[] decrypt(byte[] message) throws Exception {
        JcaPGPObjectFactory factory = new JcaPGPObjectFactory(message);
        Object o = factory.nextObject();
        PGPEncryptedDataList list = o instanceof PGPEncryptedDataList l ? l : (PGPEncryptedDataList) factory.nextObject();
        PGPPublicKeyEncryptedData data = (PGPPublicKeyEncryptedData) list.get(0);
        PGPPrivateKey key = secret.getSecretKey(data.getKeyID()).extractPrivateKey(
                new JcePBESecretKeyDecryptorBuilder().setProvider(provider).build(PASSPHRASE));
        try (InputStream clear = data.getDataStream(new JcePublicKeyDataDecryptorFactoryBuilder().setProvider(provider).build(key))) {
            JcaPGPObjectFactory inner = new JcaPGPObjectFactory(clear);
            PGPLiteralData literal = (PGPLiteralData) inner.nextObject();
            return literal.getInputStream().readAllBytes();
        }
    }
}
