package pl.gielda.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The web app manifest of one fair's pages: a phone that installs the app from fair 7's board gets
 * an app that opens fair 7 ({@code start_url} /f/7, its own {@code id}). The web client points
 * {@code <link rel="manifest">} here on /f/:fairId pages and at the generic /manifest.webmanifest
 * elsewhere; everything but {@code id} and {@code start_url} is read from the generic manifest the
 * web client ships (FairManifestTest checks the two). Public, like the generic one: a browser
 * fetches manifests without the phone's token, and nothing here is about the fair but its number.
 * The scope stays "/", the service worker's: the whole app (contracts, scanner) is in the window.
 */
@Path("/f/{fairId}/manifest.webmanifest")
public class FairManifestResource {

  static final String MEDIA_TYPE = "application/manifest+json";

  private static final String GENERIC = "META-INF/resources/manifest.webmanifest";

  private final ObjectMapper json;
  private volatile ObjectNode generic;

  public FairManifestResource(ObjectMapper json) {
    this.json = json;
  }

  @GET
  @Produces(MEDIA_TYPE)
  @Operation(hidden = true)
  public RestResponse<String> manifest(@RestPath long fairId) throws IOException {
    if (fairId <= 0) return RestResponse.notFound();
    ObjectNode m = generic().deepCopy();
    m.put("id", "/f/" + fairId);
    m.put("start_url", "/f/" + fairId);
    return RestResponse.ResponseBuilder.ok(json.writeValueAsString(m), MEDIA_TYPE)
        .header("Cache-Control", "no-cache")
        .build();
  }

  /** The web client's own manifest (web-client/public, served at /manifest.webmanifest). */
  private ObjectNode generic() throws IOException {
    ObjectNode m = generic;
    if (m == null) {
      try (InputStream in =
          Thread.currentThread().getContextClassLoader().getResourceAsStream(GENERIC)) {
        if (in == null) {
          throw new IOException(GENERIC + " is missing: the web client was not built");
        }
        m = (ObjectNode) json.readTree(in);
      }
      generic = m;
    }
    return m;
  }
}
