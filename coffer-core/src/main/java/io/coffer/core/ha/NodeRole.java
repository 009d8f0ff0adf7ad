package io.coffer.core.ha;

/**
 * Where a node is in its lifecycle, as {@code sys/health} reports it.
 *
 * <ul>
 *   <li>{@link #UNINITIALIZED}: no seal configuration (and, on Raft, no cluster yet);</li>
 *   <li>{@link #SEALED}: initialised, waiting for unseal shares;</li>
 *   <li>{@link #STANDBY}: unsealed member of a cluster that is not the active node — it forwards
 *       client requests to the active node;</li>
 *   <li>{@link #ACTIVE}: unsealed and serving (the Raft leader, or a node without HA).</li>
 * </ul>
 */
public enum NodeRole {
    UNINITIALIZED, SEALED, STANDBY, ACTIVE
}
