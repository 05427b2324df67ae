package io.mathsieve.jobs.export;

import io.mathsieve.jobs.run.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.fs.FileSystem;

/**
 * Which tokenizer counts tokens ({@code export.tokenizer}), resolved on the client before a job
 * runs so that a typo or an unreachable hub fails in one line, not in a TaskManager:
 *
 * <ul>
 *   <li>{@value #BUNDLED}: the DeepSeek-V3 tokenizer shipped inside the job jar;
 *   <li>{@code hf:ORG/NAME} or {@code hf:ORG/NAME@REVISION}: the model's {@code tokenizer.json}
 *       from the Hugging Face hub ({@code export.hf-endpoint}; {@code HF_TOKEN} for gated models),
 *       downloaded once into a cache directory;
 *   <li>anything else: a {@code tokenizer.json} path or URI every TaskManager can read.
 * </ul>
 *
 * @param name what rows and the manifest record
 * @param location {@code classpath:...} or a path/URI of the file
 */
public record TokenizerSpec(String name, String location) implements Serializable {
  public static final String BUNDLED = "deepseek-v3";
  static final String BUNDLED_RESOURCE = "/io/mathsieve/jobs/export/deepseek-v3/tokenizer.json";

  /** Where hub tokenizers are cached: {@code $MATHSIEVE_CACHE}, or {@code ~/.cache/mathsieve}. */
  public static Path cacheDir() {
    String env = System.getenv("MATHSIEVE_CACHE");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".cache", "mathsieve");
  }

  /** Resolves {@code spec}; hub models are downloaded into {@code cacheDir} (reused when present). */
  public static TokenizerSpec resolve(String spec, String hfEndpoint, Path cacheDir) {
    if (spec.equals(BUNDLED)) {
      return new TokenizerSpec(BUNDLED, "classpath:" + BUNDLED_RESOURCE);
    }
    if (spec.startsWith("hf:")) {
      return new TokenizerSpec(spec, HubDownload.tokenizerJson(spec.substring(3), hfEndpoint, cacheDir).toString());
    }
    if (!spec.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !Files.isRegularFile(Path.of(spec))) {
      throw new UserError("export.tokenizer: " + spec + " is not '" + BUNDLED + "', 'hf:ORG/NAME' or an existing tokenizer.json file");
    }
    String name = spec.replaceAll(".*/", "");
    if (name.equals("tokenizer.json")) {
      name = spec; // the directory says which model it is
    }
    return new TokenizerSpec(name, spec);
  }

  /** The bytes of the {@code tokenizer.json}. */
  public byte[] read() throws IOException {
    if (location.startsWith("classpath:")) {
      try (InputStream in = TokenizerSpec.class.getResourceAsStream(location.substring("classpath:".length()))) {
        if (in == null) {
          throw new IOException("the bundled tokenizer " + location + " is missing from the job jar");
        }
        return in.readAllBytes();
      }
    }
    if (!location.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      return Files.readAllBytes(Path.of(location));
    }
    org.apache.flink.core.fs.Path p = new org.apache.flink.core.fs.Path(location);
    FileSystem fs = p.getFileSystem();
    try (FSDataInputStream in = fs.open(p)) {
      return in.readAllBytes();
    }
  }

  /** Loads the tokenizer (callers share it through {@link TokenizerCache}). */
  public CorpusTokenizer load() throws IOException {
    return CorpusTokenizer.load(name, read());
  }

  /** Downloads a model's {@code tokenizer.json} from a Hugging Face hub. */
  static final class HubDownload {
    private HubDownload() {}

    static Path tokenizerJson(String id, String endpoint, Path cacheDir) {
      String repo = id;
      String revision = "main";
      int at = id.indexOf('@');
      if (at >= 0) {
        repo = id.substring(0, at);
        revision = id.substring(at + 1);
      }
      if (!repo.matches("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?") || !revision.matches("[A-Za-z0-9._/-]+")) {
        throw new UserError("export.tokenizer: hf:" + id + " is not a Hugging Face model id (expected hf:ORG/NAME or hf:ORG/NAME@REVISION)");
      }
      Path target = cacheDir.resolve("hf").resolve(repo).resolve(revision.replace('/', '_')).resolve("tokenizer.json");
      if (Files.isRegularFile(target)) {
        return target;
      }
      URI uri = URI.create(endpoint.replaceAll("/+$", "") + "/" + repo + "/resolve/" + revision + "/tokenizer.json");
      Map<String, String> headers = new java.util.HashMap<>(Map.of("User-Agent", "mathsieve"));
      String token = System.getenv("HF_TOKEN");
      if (token != null && !token.isBlank()) {
        headers.put("Authorization", "Bearer " + token.strip());
      }
      try {
        Files.createDirectories(target.getParent());
        io.mathsieve.net.HttpDownload.toFile(uri, target, headers, 3);
        return target;
      } catch (io.mathsieve.net.HttpDownload.Refused e) {
        int status = e.status();
        throw new UserError(String.format(Locale.ROOT, "export.tokenizer: %s answered %d for hf:%s%s", uri, status, id,
            status == 404 ? " (no such model or no tokenizer.json in it)" : status == 401 || status == 403 ? " (a gated model: set HF_TOKEN)" : ""), e);
      } catch (IOException e) {
        throw new UserError("export.tokenizer: cannot download " + uri + ": " + e.getMessage(), e);
      }
    }
  }
}
