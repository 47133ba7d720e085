/**
 * RFC 9162 §2.1 Merkle trees with SHA-256: hashing, proof planning over stored nodes, and proof
 * verification.
 *
 * <p>Storage model: a log stores the hash of every complete perfect subtree ({@link
 * org.govchain.anchor.merkle.NodeId}, level 0 = leaf hashes) once the tree has grown over it; these
 * never change. {@link org.govchain.anchor.merkle.CompactRange} appends leaves and reports the
 * nodes each append completes; {@link org.govchain.anchor.merkle.MerkleProofs} plans which O(log n)
 * nodes an inclusion proof, a consistency proof or a root needs, so a store reads them in one query
 * and the plan assembles the result. {@link org.govchain.anchor.merkle.MemoryTree} is the in-memory
 * store; {@link org.govchain.anchor.merkle.MerkleVerifier} checks proofs and fails with a {@link
 * org.govchain.anchor.merkle.ProofException} that carries the values involved.
 */
package org.govchain.anchor.merkle;
