package io.mathsieve.jobs.source;

import io.mathsieve.schemas.WarcFileStats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned serializer of {@link WarcSplit}s, for checkpoints and split assignment. */
public final class WarcSplitSerializer implements SimpleVersionedSerializer<WarcSplit> {
  public static final WarcSplitSerializer INSTANCE = new WarcSplitSerializer();
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(WarcSplit split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(split, out);
    }
    return bytes.toByteArray();
  }

  @Override
  public WarcSplit deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown WarcSplit serializer version " + version + " (this build reads version " + VERSION + ")");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      return read(in);
    }
  }

  static void write(WarcSplit split, DataOutputStream out) throws IOException {
    out.writeUTF(split.location());
    out.writeUTF(split.name());
    out.writeLong(split.offset());
    out.writeLong(split.skip());
    WarcFileStats s = split.statsSoFar();
    out.writeLong(s.response());
    out.writeLong(s.request());
    out.writeLong(s.metadata());
    out.writeLong(s.warcinfo());
    out.writeLong(s.revisit());
    out.writeLong(s.other());
    out.writeLong(s.corrupt());
    out.writeLong(s.bytes());
  }

  static WarcSplit read(DataInputStream in) throws IOException {
    String location = in.readUTF();
    String name = in.readUTF();
    long offset = in.readLong();
    long skip = in.readLong();
    WarcFileStats stats =
        new WarcFileStats(name, in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong());
    return new WarcSplit(location, name, offset, skip, stats);
  }
}
