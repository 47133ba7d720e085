package org.govchain.seal.seals;

/** The lifecycle actions a clerk can take on a seal (DESIGN §5: suspend, resume, revoke). */
public enum SealAction {
  SUSPEND,
  RESUME,
  REVOKE
}
