package io.mathsieve.samples;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** HTTP/1.1 messages as a crawler records them in WARC request and response records. */
final class Http {
  private Http() {}

  /** A response; adds {@code Content-Length} unless the headers say {@code Transfer-Encoding}. */
  static byte[] response(int status, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    head.append("Date: Fri, 01 Mar 2024 12:00:00 GMT\r\nServer: nginx/1.24.0\r\n");
    headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (!headers.containsKey("Transfer-Encoding")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + head.length());
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] request(String url) {
    URI uri = URI.create(url);
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      path += "?" + uri.getRawQuery();
    }
    return ("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nUser-Agent: CCBot/2.0 (https://commoncrawl.org/faq/)\r\n"
            + "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.8\r\nAccept-Encoding: br,gzip\r\nConnection: Keep-Alive\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /** {@code body} in chunked transfer encoding, in chunks of {@code size} bytes. */
  static byte[] chunked(byte[] body, int size) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 64);
    for (int i = 0; i < body.length; i += size) {
      int n = Math.min(size, body.length - i);
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, i, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 301 -> "Moved Permanently";
      case 404 -> "Not Found";
      default -> "Status";
    };
  }
}
