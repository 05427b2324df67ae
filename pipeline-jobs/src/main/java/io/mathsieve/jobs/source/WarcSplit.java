package io.mathsieve.jobs.source;

import io.mathsieve.schemas.WarcFileStats;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One WARC file to read, and how far it has been read: the unit of work and of checkpointing.
 *
 * @param location where to open the file (a path or URI any TaskManager can read)
 * @param name the name recorded in rows ({@code warc_file}), as the user gave it
 * @param offset record boundary to resume at
 * @param skip items to drop after reopening at {@code offset}
 * @param statsSoFar record counts up to the checkpoint
 */
public record WarcSplit(String location, String name, long offset, long skip, WarcFileStats statsSoFar)
    implements SourceSplit, java.io.Serializable {

  /** A file not yet started. */
  public static WarcSplit of(String location, String name) {
    return new WarcSplit(location, name, 0, 0, WarcFileStats.empty(name));
  }

  @Override
  public String splitId() {
    return location;
  }
}
