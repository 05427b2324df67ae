package io.mathsieve.jobs.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Versioned serializer of the enumerator's pending files. */
public final class WarcEnumeratorStateSerializer implements SimpleVersionedSerializer<Collection<WarcSplit>> {
  private static final int VERSION = 1;

  @Override
  public int getVersion() {
    return VERSION;
  }

  @Override
  public byte[] serialize(Collection<WarcSplit> splits) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(splits.size());
      for (WarcSplit s : splits) {
        WarcSplitSerializer.write(s, out);
      }
    }
    return bytes.toByteArray();
  }

  @Override
  public Collection<WarcSplit> deserialize(int version, byte[] serialized) throws IOException {
    if (version != VERSION) {
      throw new IOException("unknown WARC enumerator state version " + version + " (this build reads version " + VERSION + ")");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
      int n = in.readInt();
      List<WarcSplit> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(WarcSplitSerializer.read(in));
      }
      return out;
    }
  }
}
