package io.mathsieve.schemas;

/**
 * Where a capture lives: a WARC file and the byte offset of its record (of its gzip member when the
 * file is compressed), enough to re-read the record without scanning the file.
 */
public record WarcPointer(String file, long offset) implements java.io.Serializable {
  @Override
  public String toString() {
    return file + "@" + offset;
  }
}
