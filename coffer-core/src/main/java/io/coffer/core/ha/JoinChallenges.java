package io.coffer.core.ha;

import io.coffer.crypto.AeadException;
import io.coffer.crypto.AesGcm;
import io.coffer.crypto.ConstantTime;
import io.coffer.crypto.SecretBytes;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The join challenges an active node has handed out and not yet seen answered (Vault's
 * unseal challenge): a random answer, sealed under the cluster's root key for one node id.
 * Only a node that was unsealed with the cluster's shares can open it, so answering it proves
 * the joiner holds the keys.
 *
 * <p>Guarantees: one pending challenge per node id (a new one replaces the old); an answer is
 * accepted once, compared in constant time, and only before it expires; at most
 * {@value #MAX_PENDING} are pending, the oldest dropped first. Thread-safe.
 */
public final class JoinChallenges {
    static final int MAX_PENDING = 64;
    private static final int ANSWER_LENGTH = 32;
    private static final Duration TTL = Duration.ofMinutes(30);

    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    private record Pending(byte[] answer, Instant expires) {
    }

    public JoinChallenges(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    /** Makes a fresh challenge for {@code nodeId}, sealed under {@code rootKey}. */
    public synchronized byte[] issue(String nodeId, SecretBytes rootKey) {
        byte[] answer = new byte[ANSWER_LENGTH];
        random.nextBytes(answer);
        Pending old = pending.remove(nodeId);
        if (old != null) {
            Arrays.fill(old.answer, (byte) 0);
        }
        while (pending.size() >= MAX_PENDING) {
            Iterator<Pending> it = pending.values().iterator();
            Arrays.fill(it.next().answer, (byte) 0);
            it.remove();
        }
        pending.put(nodeId, new Pending(answer, clock.instant().plus(TTL)));
        return new AesGcm(rootKey, random).seal(answer, aad(nodeId));
    }

    /**
     * Whether {@code answer} is the pending answer for {@code nodeId}; a correct answer is used
     * up, a wrong one leaves the challenge pending.
     */
    public synchronized boolean verify(String nodeId, byte[] answer) {
        Pending p = pending.get(nodeId);
        if (p == null || clock.instant().isAfter(p.expires)) {
            return false;
        }
        if (!ConstantTime.equals(p.answer, answer)) {
            return false;
        }
        pending.remove(nodeId);
        Arrays.fill(p.answer, (byte) 0);
        return true;
    }

    /** Whether a challenge for {@code nodeId} is pending and unexpired. */
    public synchronized boolean isPending(String nodeId) {
        Pending p = pending.get(nodeId);
        return p != null && !clock.instant().isAfter(p.expires);
    }

    /**
     * Opens a challenge on the joining node with the root key its shares unlocked.
     *
     * @throws IllegalArgumentException when the key or node id does not fit the challenge
     */
    public static byte[] open(SecretBytes rootKey, String nodeId, byte[] challenge) {
        try {
            return new AesGcm(rootKey, new SecureRandom()).open(challenge, aad(nodeId));
        } catch (AeadException e) {
            throw new IllegalArgumentException("the join challenge does not open with these unseal keys");
        }
    }

    private static byte[] aad(String nodeId) {
        return ("coffer/raft-join-challenge/" + nodeId).getBytes(StandardCharsets.UTF_8);
    }
}
