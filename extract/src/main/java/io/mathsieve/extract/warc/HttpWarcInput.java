package io.mathsieve.extract.warc;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

import io.mathsieve.net.Backoff;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.Locale;

/**
 * A WARC file over HTTP(S), read as a stream: a range request from the wanted offset, and when a
 * download fails (5xx, 429, a timeout, a dropped connection) another range request from the byte
 * where it stopped, after an exponential backoff, up to {@code warc.http.retries} failures in a row
 * and within {@code warc.http.file-budget} for the whole file. A 4xx other than 429 fails at once:
 * the file is missing or forbidden, retrying will not help.
 */
public final class HttpWarcInput implements WarcInput {
  /** A WARC file resumes where it stopped, so it may wait longer than a whole-file download. */
  static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

  private final URI uri;
  private final String name;
  private final WarcConfig config;
  private final long deadline;

  public HttpWarcInput(URI uri, String name, WarcConfig config) {
    this.uri = uri;
    this.name = name;
    this.config = config;
    this.deadline = System.nanoTime() + config.fileBudget().toNanos();
  }

  public static boolean isHttp(String location) {
    String l = location.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ReadableByteChannel open(long offset) throws IOException {
    ResumingStream s = new ResumingStream(offset);
    s.connect();
    return Channels.newChannel(s);
  }

  @Override
  public String toString() {
    return name;
  }

  /** The body from {@code position} on, reconnecting where it stopped when the connection fails. */
  final class ResumingStream extends InputStream {
    private long position;
    private long length = -1;
    private HttpURLConnection connection;
    private InputStream body;
    private int failures;

    ResumingStream(long offset) {
      this.position = offset;
    }

    /** Connects at {@code position}, retrying what can be retried. */
    void connect() throws IOException {
      while (true) {
        checkBudget();
        try {
          open();
          return;
        } catch (FileNotFoundException | PermanentFailure e) {
          throw e;
        } catch (IOException e) {
          fail(e);
        }
      }
    }

    private void open() throws IOException {
      HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
      int timeout = (int) Math.min(Integer.MAX_VALUE, config.httpTimeout().toMillis());
      c.setConnectTimeout(timeout);
      c.setReadTimeout(timeout);
      c.setInstanceFollowRedirects(true);
      c.setRequestProperty("User-Agent", "mathsieve (WARC reader)");
      c.setRequestProperty("Accept-Encoding", "identity");
      if (position > 0) {
        c.setRequestProperty("Range", "bytes=" + position + "-");
      }
      int status = c.getResponseCode();
      if (status == 206 || (status == 200 && position == 0)) {
        long contentLength = c.getContentLengthLong();
        if (contentLength >= 0) {
          length = position + contentLength;
        }
      } else if (status == 200) {
        // The server ignored the range: skip to the position.
        long contentLength = c.getContentLengthLong();
        length = contentLength;
        InputStream in = c.getInputStream();
        in.skipNBytes(position);
        connection = c;
        body = in;
        return;
      } else if (status == 416) {
        c.disconnect();
        length = position; // nothing left past the end
        body = InputStream.nullInputStream();
        return;
      } else if (status == 429 || status >= 500) {
        c.disconnect();
        throw new IOException(uri + " answered " + status);
      } else if (status == 404 || status == 410) {
        c.disconnect();
        throw new FileNotFoundException(uri + " answered " + status);
      } else {
        c.disconnect();
        throw new PermanentFailure(uri + " answered " + status);
      }
      connection = c;
      body = c.getInputStream();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (true) {
        try {
          int n = body.read(b, off, len);
          if (n < 0) {
            if (length >= 0 && position < length) {
              throw new IOException("connection closed at byte " + position + " of " + length);
            }
            return -1;
          }
          position += n;
          failures = 0;
          return n;
        } catch (IOException e) {
          if (e instanceof PermanentFailure) {
            throw e;
          }
          closeConnection();
          fail(e);
          connect();
        }
      }
    }

    /** Counts a failure and waits before the next attempt, or gives up. */
    private void fail(IOException e) throws IOException {
      failures++;
      if (failures > config.httpRetries()) {
        throw new IOException("giving up on " + uri + " at byte " + position + " after " + failures + " failed attempts: " + e.getMessage(), e);
      }
      checkBudget();
      BACKOFF.sleep(failures, deadline, uri.toString());
    }

    private void checkBudget() throws IOException {
      if (System.nanoTime() > deadline) {
        throw new PermanentFailure("time budget of " + config.fileBudget() + " for " + uri + " exceeded at byte " + position);
      }
    }

    private void closeConnection() {
      try {
        if (body != null) {
          body.close();
        }
      } catch (IOException | RuntimeException ignored) {
        // the connection is already broken
      }
      if (connection != null) {
        connection.disconnect();
      }
      body = null;
      connection = null;
    }

    @Override
    public void close() {
      closeConnection();
    }
  }

  /** A failure no retry will fix. */
  static final class PermanentFailure extends IOException {
    PermanentFailure(String message) {
      super(message);
    }
  }
}
