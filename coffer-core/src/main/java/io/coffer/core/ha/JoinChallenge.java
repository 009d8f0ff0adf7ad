package io.coffer.core.ha;

/**
 * The leader's answer to a node asking to join: a random challenge encrypted under the
 * cluster's root key, and the stored seal configuration (which holds the root key encrypted
 * under the unseal key). Only a node unsealed with the cluster's shares can open the challenge.
 *
 * @param challenge  the sealed challenge
 * @param sealConfig the stored seal configuration record, as stored
 */
public record JoinChallenge(byte[] challenge, byte[] sealConfig) {
}
