// GET a URL and print the body: deploy/local-cluster.sh's fallback when curl is missing (java RestGet.java URL).
public class RestGet {
  public static void main(String[] args) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(args[0])).timeout(java.time.Duration.ofSeconds(5)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      System.exit(1);
    }
    System.out.print(response.body());
  }
}
