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
 * local directory or written by clients (kept in memory); HEAD and GET (with ranges) of objects,
 * ListObjectsV2 with prefix and delimiter, PUT (plain, {@code aws-chunked} and copies), DELETE,
 * multi-object delete and multipart uploads. Enough for Hadoop's S3A client behind Flink's
 * {@code s3://} file system, Flink's recoverable writer (the file sink) included. ETags are the MD5
 * of the content, as the AWS SDK checks them on upload. It does not check signatures; it records
 * each request's method, path and whether it was signed.
 */
public final class LoopbackS3 implements AutoCloseable {
  private static final String XMLNS = "http://s3.amazonaws.com/doc/2006-03-01/";

  final String bucket;
  /** Each object's content: a {@link Path} (served from disk) or a {@code byte[]} (written by a client). */
  private final TreeMap<String, Object> objects = new TreeMap<>();
  private final Map<String, TreeMap<Integer, byte[]>> uploads = new HashMap<>();
  private int nextUpload;
  private boolean servingFlink;
  private final HttpServer server;
  final List<String> requests = new CopyOnWriteArrayList<>();

  /** Serves every regular file under {@code root} as {@code bucket/prefix + relative path}. */
  LoopbackS3(String bucket, String prefix, Path root) throws IOException {
    this(bucket);
    try (var files = Files.walk(root)) {
      files.filter(Files::isRegularFile).forEach(f -> objects.put(prefix + root.relativize(f).toString().replace('\\', '/'), f));
    }
  }

  /** An empty bucket. */
  public LoopbackS3(String bucket) throws IOException {
    this.bucket = bucket;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  public String endpoint() {
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
        if (x.getRequestMethod().equals("POST")) {
          post(x, key, query); // multi-object delete
        } else if (query.containsKey("list-type") || x.getRequestMethod().equals("GET") && !query.containsKey("location")) {
          list(x, query);
        } else if (query.containsKey("location")) {
          xml(x, 200, "<LocationConstraint xmlns=\"" + XMLNS + "\">us-east-1</LocationConstraint>");
        } else {
          x.sendResponseHeaders(200, -1); // HEAD bucket
        }
        return;
      }
      switch (x.getRequestMethod()) {
        case "PUT" -> {
          put(x, key, query);
          return;
        }
        case "POST" -> {
          post(x, key, query);
          return;
        }
        case "DELETE" -> {
          synchronized (this) {
            if (query.containsKey("uploadId")) {
              uploads.remove(query.get("uploadId"));
            } else {
              objects.remove(key);
            }
          }
          x.sendResponseHeaders(204, -1);
          return;
        }
        default -> { }
      }
      byte[] bytes = content(key);
      if (bytes == null) {
        error(x, 404, "NoSuchKey");
        return;
      }
      x.getResponseHeaders().add("ETag", "\"" + md5(bytes) + "\"");
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
    for (Map.Entry<String, Object> e : snapshot().tailMap(prefix, true).entrySet()) {
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
      contents.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-03-02T10:00:00.000Z</LastModified><ETag>&quot;")
          .append(md5(bytes(e.getValue()))).append("&quot;</ETag><Size>").append(size(e.getValue()))
          .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
    }
    StringBuilder common = new StringBuilder();
    for (String p : prefixes) {
      common.append("<CommonPrefixes><Prefix>").append(p).append("</Prefix></CommonPrefixes>");
    }
    xml(x, 200, "<ListBucketResult xmlns=\"" + XMLNS + "\"><Name>" + bucket + "</Name><Prefix>" + prefix + "</Prefix><KeyCount>"
        + (count + prefixes.size()) + "</KeyCount><MaxKeys>1000</MaxKeys>" + (delimiter == null ? "" : "<Delimiter>" + delimiter + "</Delimiter>")
        + "<IsTruncated>false</IsTruncated>" + contents + common + "</ListBucketResult>");
  }

  private void put(HttpExchange x, String key, Map<String, String> q) throws IOException {
    String copySource = x.getRequestHeaders().getFirst("x-amz-copy-source");
    if (copySource != null) {
      String source = URLDecoder.decode(copySource, StandardCharsets.UTF_8).replaceFirst("^/?" + bucket + "/", "");
      byte[] bytes = content(source);
      if (bytes == null) {
        error(x, 404, "NoSuchKey");
        return;
      }
      synchronized (this) {
        objects.put(key, bytes);
      }
      xml(x, 200, "<CopyObjectResult><LastModified>2026-03-02T10:00:00.000Z</LastModified><ETag>&quot;" + md5(bytes)
          + "&quot;</ETag></CopyObjectResult>");
      return;
    }
    byte[] body = body(x);
    synchronized (this) {
      if (q.containsKey("uploadId")) {
        TreeMap<Integer, byte[]> parts = uploads.get(q.get("uploadId"));
        if (parts == null) {
          error(x, 404, "NoSuchUpload");
          return;
        }
        parts.put(Integer.parseInt(q.get("partNumber")), body);
      } else {
        objects.put(key, body);
      }
    }
    x.getResponseHeaders().add("ETag", "\"" + md5(body) + "\"");
    x.sendResponseHeaders(200, -1);
  }

  private void post(HttpExchange x, String key, Map<String, String> q) throws IOException {
    byte[] body = body(x);
    if (q.containsKey("uploads")) {
      String id;
      synchronized (this) {
        id = "upload-" + nextUpload++;
        uploads.put(id, new TreeMap<>());
      }
      xml(x, 200, "<InitiateMultipartUploadResult xmlns=\"" + XMLNS + "\"><Bucket>" + bucket + "</Bucket><Key>" + key + "</Key><UploadId>"
          + id + "</UploadId></InitiateMultipartUploadResult>");
    } else if (q.containsKey("uploadId")) {
      byte[] joined;
      synchronized (this) {
        TreeMap<Integer, byte[]> parts = uploads.remove(q.get("uploadId"));
        if (parts == null) {
          error(x, 404, "NoSuchUpload");
          return;
        }
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        parts.values().forEach(all::writeBytes);
        joined = all.toByteArray();
        objects.put(key, joined);
      }
      xml(x, 200, "<CompleteMultipartUploadResult xmlns=\"" + XMLNS + "\"><Location>" + endpoint() + "/" + bucket + "/" + key + "</Location><Bucket>"
          + bucket + "</Bucket><Key>" + key + "</Key><ETag>&quot;" + md5(joined) + "-1&quot;</ETag></CompleteMultipartUploadResult>");
    } else if (q.containsKey("delete")) {
      StringBuilder deleted = new StringBuilder();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("<Key>([^<]*)</Key>").matcher(new String(body, StandardCharsets.UTF_8));
      synchronized (this) {
        while (m.find()) {
          String k = m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'");
          objects.remove(k);
          deleted.append("<Deleted><Key>").append(m.group(1)).append("</Key></Deleted>");
        }
      }
      xml(x, 200, "<DeleteResult xmlns=\"" + XMLNS + "\">" + deleted + "</DeleteResult>");
    } else {
      error(x, 400, "NotImplemented");
    }
  }

  /** A request's payload, {@code aws-chunked} (signed chunks over plain HTTP) decoded. */
  private static byte[] body(HttpExchange x) throws IOException {
    byte[] raw = x.getRequestBody().readAllBytes();
    String sha = x.getRequestHeaders().getFirst("x-amz-content-sha256");
    if (sha == null || !sha.startsWith("STREAMING-")) {
      return raw;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int i = 0;
    while (i < raw.length) {
      int eol = i;
      while (raw[eol] != '\r') {
        eol++;
      }
      String header = new String(raw, i, eol - i, StandardCharsets.US_ASCII);
      int size = Integer.parseInt(header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')), 16);
      if (size == 0) {
        break;
      }
      out.write(raw, eol + 2, size);
      i = eol + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private synchronized TreeMap<String, Object> snapshot() {
    return new TreeMap<>(objects);
  }

  private byte[] content(String key) throws IOException {
    Object o;
    synchronized (this) {
      o = objects.get(key);
    }
    return o == null ? null : bytes(o);
  }

  private static byte[] bytes(Object o) throws IOException {
    return o instanceof Path p ? Files.readAllBytes(p) : (byte[]) o;
  }

  private static long size(Object o) throws IOException {
    return o instanceof Path p ? Files.size(p) : ((byte[]) o).length;
  }

  private static String md5(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The keys under {@code prefix} and their sizes. */
  public Map<String, Long> keys(String prefix) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    for (Map.Entry<String, Object> e : snapshot().tailMap(prefix, true).entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        break;
      }
      out.put(e.getKey(), size(e.getValue()));
    }
    return out;
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

  /**
   * Makes this server Flink's {@code s3://} file system in this JVM as a user would: Flink's
   * {@code config.yaml} in a {@code FLINK_CONF_DIR} under {@code confDir}, the S3 plugin where the
   * build puts it. {@link #close()} puts Flink's default file systems back.
   */
  public void serveFlinksS3(Path confDir) throws IOException {
    Path conf = Files.createDirectories(confDir.resolve("conf"));
    Files.writeString(conf.resolve("config.yaml"), String.join("\n",
        "s3.endpoint: " + endpoint(),
        "s3.endpoint.region: us-east-1",
        "s3.path.style.access: true",
        "s3.access.key: test-access-key",
        "s3.secret.key: test-secret-key", ""));
    io.mathsieve.jobs.run.LocalFileSystems.initialize(Map.of("FLINK_CONF_DIR", conf.toString()), "..");
    servingFlink = true;
  }

  @Override
  public void close() {
    if (servingFlink) {
      org.apache.flink.core.fs.FileSystem.initialize(new org.apache.flink.configuration.Configuration(), null); // as other tests expect
    }
    server.stop(0);
  }

  /** The requests so far, for assertions and failure messages. */
  public List<String> log() {
    return new ArrayList<>(requests);
  }
}
