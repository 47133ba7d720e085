package org.govchain.anchor.spring.log;

import java.util.List;

/**
 * An RFC 9162 inclusion proof from the log, as {@code GET {prefix}/log/proofs/inclusion} answers.
 *
 * @param index the leaf index
 * @param size the tree size
 * @param rootHash the root of the tree of that size, lowercase hex
 * @param proof the path, RFC order, lowercase hex
 */
public record InclusionProof(long index, long size, String rootHash, List<String> proof) {}
