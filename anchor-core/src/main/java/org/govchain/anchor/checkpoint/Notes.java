package org.govchain.anchor.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/** Shared rules of the C2SP signed-note format: names, key IDs, text checks, strict base64. */
final class Notes {

  static final String SIGNATURE_PREFIX = "\u2014 ";
  static final byte ALG_ED25519 = 0x01;
  static final int MAX_SIGNATURES = 100;

  private Notes() {}

  /** Key names are non-empty and contain no Unicode spaces, no '+', no control characters. */
  static boolean isValidName(String name) {
    if (name == null || name.isEmpty() || !isWellFormed(name)) {
      return false;
    }
    return name.codePoints()
        .noneMatch(
            cp ->
                cp == '+'
                    || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)
                    || Character.isISOControl(cp));
  }

  /** SHA-256(name || 0x0A || 0x01 || public key)[:4], big-endian. */
  static int keyId(String name, byte[] publicKey) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(name.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) '\n');
      sha256.update(ALG_ED25519);
      sha256.update(publicKey);
      return ByteBuffer.wrap(sha256.digest()).getInt();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  static String hex(int keyId) {
    return String.format("%08x", keyId);
  }

  /**
   * Checks a note text: ends with a newline, well-formed Unicode, no control characters other than
   * newline.
   */
  static void checkText(String text, String what) {
    if (text == null || text.isEmpty() || !text.endsWith("\n")) {
      throw new MalformedNoteException(what + " must end with a newline");
    }
    checkCharacters(text, what);
  }

  static void checkCharacters(String text, String what) {
    if (!isWellFormed(text)) {
      throw new MalformedNoteException(what + " contains a lone surrogate");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new MalformedNoteException(
            String.format("%s contains control character U+%04X at index %d", what, (int) c, i));
      }
    }
  }

  /** Decodes standard padded base64, or returns null unless it is the one canonical encoding. */
  static byte[] decodeBase64(String text) {
    try {
      byte[] raw = Base64.getDecoder().decode(text);
      return Base64.getEncoder().encodeToString(raw).equals(text) ? raw : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Parses 8 ASCII hex digits (either case; no other script's digits), or returns null. */
  static Integer parseHex8(String text) {
    if (text.length() != 8 || !text.chars().allMatch(Notes::isAsciiHexDigit)) {
      return null;
    }
    return (int) Long.parseLong(text, 16);
  }

  private static boolean isAsciiHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isWellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
        if (Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
          continue;
        }
        return false;
      }
      if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
