package io.mathsieve.jobs.classify;

import io.mathsieve.classifiers.math.ClassifierConfig;
import io.mathsieve.classifiers.math.ClassifierTraining;
import io.mathsieve.classifiers.math.FastTextTrainer;
import io.mathsieve.classifiers.math.ModelCard;
import io.mathsieve.hash.Murmur3;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.fs.FileSystem;

/**
 * Trains the classifier where the job runs (on a TaskManager when on a cluster): with parallelism 1
 * it spools every training line to a local file, and at the end of input puts them in a fixed
 * order (by a seeded hash of the line, so arrival order does not matter and training is
 * reproducible), trains and validates fastText ({@link ClassifierTraining}), and copies the model
 * and its {@link ModelCard} to their place on the job's file system.
 */
public final class TrainSink implements Sink<String> {
  private final String modelTarget;
  private final ClassifierConfig config;

  /** {@code modelTarget} is the model path without extension ({@code .../iter-1/model}). */
  public TrainSink(String modelTarget, ClassifierConfig config) {
    this.modelTarget = modelTarget;
    this.config = config;
  }

  @Override
  public SinkWriter<String> createWriter(WriterInitContext context) throws IOException {
    return new Writer(modelTarget, config);
  }

  private static final class Writer implements SinkWriter<String> {
    private final String target;
    private final ClassifierConfig config;
    private final Path work;
    private final Path spool;
    private final DataOutputStream out;
    private long[] keys = new long[1 << 12];
    private long[] offsets = new long[1 << 12];
    private int count;
    private long position;
    private boolean trained;

    Writer(String target, ClassifierConfig config) throws IOException {
      this.target = target;
      this.config = config;
      this.work = Files.createTempDirectory("mathsieve-train-");
      this.spool = work.resolve("spool.txt");
      this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16));
    }

    @Override
    public void write(String line, Context context) throws IOException {
      byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
      if (count == keys.length) {
        keys = Arrays.copyOf(keys, count * 2);
        offsets = Arrays.copyOf(offsets, count * 2);
      }
      keys[count] = Murmur3.hash64(bytes, 0, bytes.length, 0x747261696eL);
      offsets[count] = position;
      count++;
      out.write(bytes);
      position += bytes.length;
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
      out.flush();
      if (!endOfInput || trained) {
        return;
      }
      trained = true;
      if (count == 0) {
        throw new IOException("no training examples for " + target);
      }
      Path ordered = work.resolve("train.txt");
      Integer[] order = new Integer[count];
      for (int i = 0; i < count; i++) {
        order[i] = i;
      }
      long[] k = keys;
      long[] o = offsets;
      Arrays.sort(order, (a, b) -> k[a] != k[b] ? Long.compare(k[a], k[b]) : Long.compare(o[a], o[b]));
      try (RandomAccessFile in = new RandomAccessFile(spool.toFile(), "r");
          OutputStream w = new BufferedOutputStream(Files.newOutputStream(ordered), 1 << 16)) {
        for (int idx : order) {
          long start = offsets[idx];
          long end = idx + 1 < count ? offsets[idx + 1] : position;
          byte[] b = new byte[(int) (end - start)];
          in.seek(start);
          in.readFully(b);
          w.write(b);
        }
      }
      FastTextTrainer.Model model = ClassifierTraining.run(ordered, work.resolve("model"), config).model();
      String extension = model.file().getFileName().toString().endsWith(".ftz") ? ".ftz" : ".bin";
      copy(model.file(), target + extension);
      if (extension.equals(".ftz")) {
        copy(work.resolve("model.bin"), target + ".bin");
      }
      copy(ModelCard.beside(work.resolve("model")), target + ".card.json");
    }

    private static void copy(Path local, String remote) throws IOException {
      org.apache.flink.core.fs.Path dst = new org.apache.flink.core.fs.Path(remote);
      try (InputStream in = Files.newInputStream(local);
          OutputStream out = dst.getFileSystem().create(dst, FileSystem.WriteMode.OVERWRITE)) {
        in.transferTo(out);
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
