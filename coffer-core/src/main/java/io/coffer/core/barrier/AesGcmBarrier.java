package io.coffer.core.barrier;

import io.coffer.crypto.AeadException;
import io.coffer.crypto.AesGcm;
import io.coffer.crypto.SecretBytes;
import io.coffer.sdk.logical.Storage;
import io.coffer.sdk.logical.StorageChange;
import io.coffer.sdk.logical.StorageEntry;
import io.coffer.sdk.logical.exception.InternalException;
import io.coffer.sdk.logical.exception.SealedException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The AES-256-GCM barrier. Each stored value is {@code term(4) ‖ version(1) ‖ nonce(12) ‖
 * ciphertext ‖ tag(16)}, with the storage path as associated data, so a value moved to another
 * path or altered by one byte fails to decrypt. The keyring lives at {@value #KEYRING_PATH},
 * encrypted the same way under the root key with term 0.
 */
public final class AesGcmBarrier implements SecurityBarrier {
    /** Where the encrypted keyring is stored. */
    public static final String KEYRING_PATH = "core/keyring";
    static final byte VERSION_AES_GCM = 1;
    static final int HEADER_LENGTH = 5;
    private static final int KEY_LENGTH = 32;

    private final Storage physical;
    private final SecureRandom random;
    private final Clock clock;
    private final KeyringCodec codec = new KeyringCodec();
    private volatile State state;

    /** The unsealed state: the keyring and one cipher per term. */
    private record State(Keyring keyring, Map<Integer, AesGcm> ciphers, int activeTerm) {
    }

    public AesGcmBarrier(Storage physical, SecureRandom random, Clock clock) {
        this.physical = physical;
        this.random = random;
        this.clock = clock;
    }

    @Override
    public boolean isInitialized() {
        return physical.get(KEYRING_PATH) != null;
    }

    @Override
    public synchronized void initialize(SecretBytes rootKey) {
        if (isInitialized()) {
            throw new IllegalStateException("barrier is already initialized");
        }
        Keyring keyring = Keyring.create(SecretBytes.wrap(rootKey.copy()), SecretBytes.random(random, KEY_LENGTH), clock.instant());
        persistKeyring(keyring);
        keyring.destroy();
    }

    @Override
    public synchronized void unseal(SecretBytes rootKey) throws BarrierKeyException {
        if (state != null) {
            return;
        }
        StorageEntry stored = physical.get(KEYRING_PATH);
        if (stored == null) {
            throw new IllegalStateException("barrier is not initialized");
        }
        byte[] plain;
        try {
            plain = open(new AesGcm(rootKey, random), KEYRING_PATH, stored.value(), 0);
        } catch (AeadException e) {
            throw new BarrierKeyException();
        }
        try {
            state = stateOf(codec.decode(plain));
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public synchronized void reloadKeyring() throws BarrierKeyException {
        State current = unsealed();
        State next;
        try (SecretBytes rootKey = SecretBytes.wrap(current.keyring.rootKey().copy())) {
            StorageEntry stored = physical.get(KEYRING_PATH);
            if (stored == null) {
                throw new BarrierKeyException();
            }
            byte[] plain;
            try {
                plain = open(new AesGcm(rootKey, random), KEYRING_PATH, stored.value(), 0);
            } catch (AeadException e) {
                throw new BarrierKeyException();
            }
            try {
                next = stateOf(codec.decode(plain));
            } finally {
                java.util.Arrays.fill(plain, (byte) 0);
            }
        }
        state = next;
        current.keyring.destroy();
    }

    @Override
    public SecretBytes rootKeyCopy() {
        byte[] copy = unsealed().keyring.rootKey().copy();
        try {
            return SecretBytes.copyOf(copy);
        } finally {
            java.util.Arrays.fill(copy, (byte) 0);
        }
    }

    @Override
    public synchronized void seal() {
        State s = state;
        state = null;
        if (s != null) {
            s.keyring.destroy();
        }
    }

    @Override
    public boolean isSealed() {
        return state == null;
    }

    @Override
    public synchronized Keyring.Term rotate() {
        State s = unsealed();
        Keyring next = s.keyring.withNewTerm(SecretBytes.random(random, KEY_LENGTH), clock.instant());
        persistKeyring(next);
        state = stateOf(next);
        return next.term(next.activeTerm());
    }

    @Override
    public Keyring.Term activeTerm() {
        Keyring k = unsealed().keyring;
        return k.term(k.activeTerm());
    }

    @Override
    public StorageEntry get(String key) {
        State s = unsealed();
        StorageEntry stored = physical.get(key);
        if (stored == null) {
            return null;
        }
        byte[] value = stored.value();
        if (value.length < HEADER_LENGTH) {
            throw new InternalException("failed to decrypt stored value");
        }
        int term = ((value[0] & 0xff) << 24) | ((value[1] & 0xff) << 16) | ((value[2] & 0xff) << 8) | (value[3] & 0xff);
        AesGcm cipher = s.ciphers.get(term);
        if (cipher == null) {
            throw new InternalException("failed to decrypt stored value");
        }
        try {
            return new StorageEntry(key, open(cipher, key, value, term));
        } catch (AeadException e) {
            throw new InternalException("failed to decrypt stored value");
        }
    }

    @Override
    public void put(StorageEntry entry) {
        State s = unsealed();
        physical.put(new StorageEntry(entry.key(), seal(s.ciphers.get(s.activeTerm), s.activeTerm, entry.key(), entry.value())));
    }

    /** Encrypts every put of the batch, then hands the whole batch to physical storage at once. */
    @Override
    public void applyBatch(List<StorageChange> changes) {
        State s = unsealed();
        List<StorageChange> sealed = new java.util.ArrayList<>(changes.size());
        for (StorageChange c : changes) {
            sealed.add(c.isDelete() ? c : c.withValue(seal(s.ciphers.get(s.activeTerm), s.activeTerm, c.key(), c.value())));
        }
        physical.applyBatch(sealed);
    }

    @Override
    public void delete(String key) {
        unsealed();
        physical.delete(key);
    }

    @Override
    public List<String> list(String prefix) {
        unsealed();
        return physical.list(prefix);
    }

    private State unsealed() {
        State s = state;
        if (s == null) {
            throw new SealedException();
        }
        return s;
    }

    private void persistKeyring(Keyring keyring) {
        byte[] plain = codec.encode(keyring);
        try {
            physical.put(new StorageEntry(KEYRING_PATH, seal(new AesGcm(keyring.rootKey(), random), 0, KEYRING_PATH, plain)));
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    private State stateOf(Keyring keyring) {
        Map<Integer, AesGcm> ciphers = new HashMap<>();
        for (Keyring.Term t : keyring.terms().values()) {
            ciphers.put(t.term(), new AesGcm(t.key(), random));
        }
        return new State(keyring, Map.copyOf(ciphers), keyring.activeTerm());
    }

    private static byte[] seal(AesGcm cipher, int term, String path, byte[] plaintext) {
        byte[] out = cipher.seal(plaintext, aad(path), HEADER_LENGTH);
        out[0] = (byte) (term >>> 24);
        out[1] = (byte) (term >>> 16);
        out[2] = (byte) (term >>> 8);
        out[3] = (byte) term;
        out[4] = VERSION_AES_GCM;
        return out;
    }

    private static byte[] open(AesGcm cipher, String path, byte[] sealed, int expectedTerm) throws AeadException {
        if (sealed.length < HEADER_LENGTH || sealed[4] != VERSION_AES_GCM) {
            throw new AeadException();
        }
        int term = ((sealed[0] & 0xff) << 24) | ((sealed[1] & 0xff) << 16) | ((sealed[2] & 0xff) << 8) | (sealed[3] & 0xff);
        if (term != expectedTerm) {
            throw new AeadException();
        }
        return cipher.open(sealed, HEADER_LENGTH, aad(path));
    }

    private static byte[] aad(String path) {
        return path.getBytes(StandardCharsets.UTF_8);
    }
}
