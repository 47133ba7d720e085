package org.govchain.auth.throttle;

/**
 * One authentication attempt as the throttle sees it: who it claims to be and where it comes from,
 * never its secret.
 *
 * @param kind a client (its id) or an account (its user name) signing in
 * @param name the client id, or the user name in lower case (user names are case-insensitive)
 * @param address the remote address it came from
 * @param registered whether the name is a registered client or user: only those are logged in clear
 *     (an unknown name may be a password, an ID number or a phone number typed in the wrong field)
 */
public record Attempt(Kind kind, String name, String address, boolean registered) {

  /** What kind of name an attempt claims. */
  public enum Kind {
    /** A client id at the token, introspection or revocation endpoint. */
    CLIENT("client"),
    /** A user name at the sign-in form. */
    ACCOUNT("account");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** How log lines name it. */
    public String label() {
      return label;
    }
  }
}
