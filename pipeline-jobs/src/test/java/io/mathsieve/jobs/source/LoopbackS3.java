package io.mathsieve.jobs.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny S3-compatible server on loopback for tests: one bucket, path-style requests, objects from a
 * local directory; HEAD and GET (with ranges) of objects, ListObjectsV2 with prefix and delimiter.
 * Enough for Hadoop's S3A client behind Flink's {@code s3://} file system. It does not check
 * signatures; it records each request's method, path and whether it was signed.
 */
final class LoopbackS3 implements AutoCloseable {
  private static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

  final String bucket;
  private final TreeMap<String, Path> objects = new TreeMap<>();
  private final HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();

  /** Serves every regular file under {@code root} as {@code bucket/prefix + relative path}. */
  LoopbackS3(String bucket, String prefix, Path root) throws IOException {
    this.bucket = bucket;
    try (var files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(f -> objects.put(prefix + root.relativize(f).toString().replace('\\', '/'), f));
    }
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = URLDecoder.decode(x.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
      boolean signed = x.getRequestHeaders().getFirst("Authorization") != null
          && x.getRequestHeaders().getFirst("Authorization").startsWith("AWS4-HMAC-SHA256");
      requests.add(x.getRequestMethod() + " " + x.getRequestURI() + (signed ? " signed" : ""));
      String bucketPrefix = "/" + bucket;
      if (!path.equals(bucketPrefix) && !path.startsWith(bucketPrefix + "/")) {
        error(x, 404, "NoSuchBucket");
        return;
      }
      String key = path.length() > bucketPrefix.length() + 1 ? path.substring(bucketPrefix.length() + 1) : "";
      Map<String, String> query = query(x.getRequestURI().getRawQuery());
      if (key.isEmpty()) {
        if (query.containsKey("list-type") || x.getRequestMethod().equals("GET") && !query.containsKey("location")) {
          list(x, query);
        } else if (query.containsKey("location")) {
          xml(x, 200, "<LocationConstraint xmlns=\"" + XMLNS + "\">us-east-1</LocationConstraint>");
        } else {
          x.sendResponseHeaders(200, -1); // HEAD bucket
        }
        return;
      }
      Path file = objects.get(key);
      if (file == null) {
        error(x, 404, "NoSuchKey");
        return;
      }
      byte[] bytes = Files.readAllBytes(file);
      x.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "\"");
      x.getResponseHeaders().add("Last-Modified", "Mon, 02 Mar 2026 10:00:00 GMT");
      x.getResponseHeaders().add("Content-Type", "application/octet-stream");
      x.getResponseHeaders().add("Accept-Ranges", "bytes");
      if (x.getRequestMethod().equals("HEAD")) {
        x.getResponseHeaders().add("Content-Length", String.valueOf(bytes.length));
        x.sendResponseHeaders(200, -1);
        return;
      }
      String range = x.getRequestHeaders().getFirst("Range");
      int from = 0;
      int to = bytes.length - 1;
      if (range != null && range.startsWith("bytes=")) {
        String[] fromTo = range.substring(6).split("-", -1);
        from = Integer.parseInt(fromTo[0]);
        if (!fromTo[1].isEmpty()) {
          to = Math.min(to, Integer.parseInt(fromTo[1]));
        }
        if (from >= bytes.length) {
          error(x, 416, "InvalidRange");
          return;
        }
        x.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
      }
      x.sendResponseHeaders(range != null ? 206 : 200, to - from + 1);
      x.getResponseBody().write(bytes, from, to - from + 1);
    }
  }

  private void list(HttpExchange x, Map<String, String> q) throws IOException {
    String prefix = q.getOrDefault("prefix", "");
    String delimiter = q.get("delimiter");
    StringBuilder contents = new StringBuilder();
    TreeSet<String> prefixes = new TreeSet<>();
    int count = 0;
    for (Map.Entry<String, Path> e : objects.tailMap(prefix, true).entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(prefix)) {
        break;
      }
      int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
      if (cut >= 0) {
        prefixes.add(key.substring(0, cut + delimiter.length()));
        continue;
      }
      count++;
      contents.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-03-02T10:00:00.000Z</LastModified><ETag>&quot;x&quot;</ETag><Size>")
          .append(Files.size(e.getValue())).append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
    }
    StringBuilder common = new StringBuilder();
    for (String p : prefixes) {
      common.append("<CommonPrefixes><Prefix>").append(p).append("</Prefix></CommonPrefixes>");
    }
    xml(x, 200, "<ListBucketResult xmlns=\"" + XMLNS + "\"><Name>" + bucket + "</Name><Prefix>" + prefix + "</Prefix><KeyCount>"
        + (count + prefixes.size()) + "</KeyCount><MaxKeys>1000</MaxKeys>" + (delimiter == null ? "" : "<Delimiter>" + delimiter + "</Delimiter>")
        + "<IsTruncated>false</IsTruncated>" + contents + common + "</ListBucketResult>");
  }

  private static void error(HttpExchange x, int status, String code) throws IOException {
    if (x.getRequestMethod().equals("HEAD")) {
      x.sendResponseHeaders(status, -1);
      return;
    }
    xml(x, status, "<Error><Code>" + code + "</Code><Message>" + code + "</Message></Error>");
  }

  private static void xml(HttpExchange x, int status, String body) throws IOException {
    byte[] b = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body).getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/xml");
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null) {
      return q;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      q.put(k, v);
    }
    return q;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** The requests so far, for assertions and failure messages. */
  List<String> log() {
    return new ArrayList<>(requests);
  }
}
