/**
 * GovChain proof verification in the browser: the public API the portal page uses. Everything
 * here gives the same verdicts as the Java verifier (org.govchain.anchor.bundle.BundleVerifier).
 */

export { base64, fromBase64, fromHex, hex } from './bytes';
export { type ProofBundle, MalformedBundleError, parseBundle } from './bundle';
export { ChainUnavailableError, RegistryCallError, RegistryNotFoundError } from './chain-errors';
export { type Checkpoint, MalformedCheckpointError, parseCheckpoint } from './checkpoint';
export { type EventEnvelope, InvalidEnvelopeError, parseEnvelope } from './envelope';
export { canonicalize, canonicalizeText } from './jcs';
export { CanonicalJsonError } from './json-reader';
export { logIdOf } from './keccak';
export { emptyRoot, leafHash, nodeHash } from './merkle';
export {
  InvalidVerifierKeyError,
  NoteError,
  type NoteSignature,
  NoteVerifier,
  type SignedNote,
  verifyCheckpointNote,
} from './note';
export { ProofError, rootFromInclusionProof, verifyConsistency, verifyInclusion } from './proofs';
export { ChainRpc, type StoredCheckpoint } from './rpc';
export {
  type Step,
  type StepId,
  type Verdict,
  type Verification,
  type VerifyOptions,
  verifyBundle,
} from './verify';
