package pl.gielda.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The web app manifest of one fair's pages: a phone that installs the app from fair 7's board gets
 * an app that opens fair 7 ({@code start_url} /f/7, its own {@code id}). The web client points
 * {@code <link rel="manifest">} here on /f/:fairId pages and at the generic /manifest.webmanifest
 * elsewhere; everything but {@code id} and {@code start_url} is the generic manifest's
 * (FairManifestTest keeps the two equal). Public, like the generic one: a browser fetches manifests
 * without the phone's token, and nothing here is about the fair but its number. The scope stays
 * "/", the service worker's: the whole app (contracts, scanner) is in the window.
 */
@Path("/f/{fairId}/manifest.webmanifest")
public class FairManifestResource {

  static final String MEDIA_TYPE = "application/manifest+json";

  private final ObjectMapper json;

  public FairManifestResource(ObjectMapper json) {
    this.json = json;
  }

  @GET
  @Produces(MEDIA_TYPE)
  @Operation(hidden = true)
  public RestResponse<String> manifest(@RestPath long fairId) throws JsonProcessingException {
    if (fairId <= 0) return RestResponse.notFound();
    ObjectNode m = json.createObjectNode();
    m.put("id", "/f/" + fairId);
    m.put("name", "Giełda Zasobów");
    m.put("short_name", "Giełda");
    m.put(
        "description",
        "Wymiana zasobów bez pieniędzy: tablica ofert i potrzeb, dopasowania i kontrakty na żywo.");
    m.put("lang", "pl");
    m.put("dir", "ltr");
    m.put("start_url", "/f/" + fairId);
    m.put("scope", "/");
    m.put("display", "standalone");
    m.put("orientation", "any");
    m.put("theme_color", "#1f5f8b");
    m.put("background_color", "#f4f6f8");
    m.putArray("categories").add("productivity").add("social");
    var icons = m.putArray("icons");
    icons
        .addObject()
        .put("src", "/icon-192.png")
        .put("sizes", "192x192")
        .put("type", "image/png")
        .put("purpose", "any");
    icons
        .addObject()
        .put("src", "/icon-512.png")
        .put("sizes", "512x512")
        .put("type", "image/png")
        .put("purpose", "any");
    icons
        .addObject()
        .put("src", "/icon-512.png")
        .put("sizes", "512x512")
        .put("type", "image/png")
        .put("purpose", "maskable");
    icons
        .addObject()
        .put("src", "/icon.svg")
        .put("sizes", "any")
        .put("type", "image/svg+xml")
        .put("purpose", "any");
    return RestResponse.ResponseBuilder.ok(json.writeValueAsString(m), MEDIA_TYPE)
        .header("Cache-Control", "no-cache")
        .build();
  }
}
