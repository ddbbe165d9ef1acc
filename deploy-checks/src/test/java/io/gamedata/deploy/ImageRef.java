package io.gamedata.deploy;

import java.util.regex.Pattern;

/** Container image references: pinned means an exact version tag or a digest. */
final class ImageRef {

  /** A tag with a digit, not a moving alias such as latest, stable, 17-jre or lts. */
  private static final Pattern EXACT_TAG =
      Pattern.compile("v?\\d+\\.\\d+(\\.\\d+)?([._-][A-Za-z0-9.]+)*");

  private ImageRef() {}

  static boolean isPinned(String image) {
    if (image.contains("@sha256:")) {
      return true;
    }
    int slash = image.lastIndexOf('/');
    int colon = image.lastIndexOf(':');
    if (colon < 0 || colon < slash || image.contains("${")) {
      return false;
    }
    return EXACT_TAG.matcher(image.substring(colon + 1)).matches();
  }
}
