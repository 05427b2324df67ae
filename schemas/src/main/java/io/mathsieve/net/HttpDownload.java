package io.mathsieve.net;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * Downloads one file over HTTP(S) into place: written beside the target as {@code NAME.part} and
 * moved over it only when complete, so a failed or interrupted download never leaves a half file
 * under the real name. Server errors (5xx, 429) and dropped connections are retried with
 * {@link Backoff#DOWNLOAD}, up to {@code attempts}; other statuses (a 404, a 403) will not fix
 * themselves and end at once as {@link Refused}.
 */
public final class HttpDownload {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();

  private HttpDownload() {}

  /** The server answered with a status no retry will change. */
  public static final class Refused extends IOException {
    private final int status;

    Refused(URI uri, int status) {
      super(uri + ": HTTP " + status);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Downloads {@code uri} to {@code target} with {@code headers}; at most {@code attempts} tries. */
  public static void toFile(URI uri, Path target, Map<String, String> headers, int attempts) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".part");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET();
    headers.forEach(request::header);
    IOException last = null;
    try {
      for (int attempt = 1; attempt <= attempts; attempt++) {
        try {
          HttpResponse<Path> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofFile(tmp));
          int status = r.statusCode();
          if (status == 200) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return;
          }
          if (status < 500 && status != 429) {
            throw new Refused(uri, status);
          }
          last = new IOException(uri + ": HTTP " + status);
        } catch (Refused | InterruptedIOException e) {
          throw e;
        } catch (IOException e) {
          last = new IOException(uri + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while fetching " + uri);
        }
        if (attempt < attempts) {
          Backoff.DOWNLOAD.sleep(attempt, Long.MAX_VALUE, uri.toString());
        }
      }
      throw new IOException(last.getMessage() + " (after " + attempts + " attempts)", last);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
