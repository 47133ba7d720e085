package org.govchain.anchor.spring.log;

import java.util.List;

/**
 * An RFC 9162 consistency proof from the log, as {@code GET {prefix}/log/proofs/consistency}
 * answers.
 *
 * @param from the older tree size
 * @param to the newer tree size
 * @param proof the proof, RFC order, lowercase hex
 */
public record ConsistencyProof(long from, long to, List<String> proof) {}
