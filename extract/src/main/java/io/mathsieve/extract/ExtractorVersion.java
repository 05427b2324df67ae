package io.mathsieve.extract;

/** The version of the extraction code, written into every row it produces. Bump it when output changes. */
public final class ExtractorVersion {
  public static final String CURRENT = "mathsieve-extract/1.0";

  private ExtractorVersion() {}
}
