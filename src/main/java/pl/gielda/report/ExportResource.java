package pl.gielda.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import pl.gielda.auth.CurrentCaller;
import pl.gielda.common.error.ApiException;
import pl.gielda.fair.Fair;
import pl.gielda.report.export.CsvExport;
import pl.gielda.report.export.ExportSnapshot;
import pl.gielda.report.export.ExportTables.Table;
import pl.gielda.report.export.JsonArchive;
import pl.gielda.report.export.PdfReport;
import pl.gielda.report.export.XlsxExport;

/**
 * Exports for the organiser, streamed as they are written. Every response carries the log's last
 * number and the contract chain's head it was made from, in the {@code Gielda-Log-Seq} and {@code
 * Gielda-Chain-Head} headers and in its file name, and inside the file where the format allows.
 */
@Path("/api")
@RolesAllowed("organiser")
public class ExportResource {

  private static final Logger LOG = Logger.getLogger(ExportResource.class);
  public static final String SEQ_HEADER = "Gielda-Log-Seq";
  public static final String HEAD_HEADER = "Gielda-Chain-Head";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of(Fair.TIME_ZONE));

  private final ExportService exports;
  private final CurrentCaller caller;
  private final ObjectMapper json;

  ExportResource(ExportService exports, CurrentCaller caller, ObjectMapper json) {
    this.exports = exports;
    this.caller = caller;
    this.json = json;
  }

  @GET
  @Path("/fairs/{fairId}/exports/xlsx")
  @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
  public Response xlsx(@RestPath long fairId) throws SQLException {
    return stream(fairId, "xlsx", null, XlsxExport::write);
  }

  @GET
  @Path("/fairs/{fairId}/exports/csv")
  @Produces("text/csv; charset=UTF-8")
  public Response csv(@RestPath long fairId, @RestQuery String table) throws SQLException {
    Table t = Table.parse(table);
    if (t == null) {
      throw ApiException.invalid("table", "one of contracts, items, entities, people, tallies");
    }
    return stream(fairId, "csv", t.file, (s, out) -> CsvExport.write(s, t, out));
  }

  @GET
  @Path("/fairs/{fairId}/exports/pdf")
  @Produces("application/pdf")
  public Response pdf(@RestPath long fairId) throws SQLException {
    return stream(fairId, "pdf", "raport", PdfReport::write);
  }

  @GET
  @Path("/fairs/{fairId}/exports/json")
  @Produces("application/json")
  public Response archive(@RestPath long fairId) throws SQLException {
    return stream(fairId, "json", "archiwum", (s, out) -> JsonArchive.write(s, json, out));
  }

  @FunctionalInterface
  private interface Writer {
    void write(ExportSnapshot s, java.io.OutputStream out) throws Exception;
  }

  private Response stream(long fairId, String extension, String part, Writer writer)
      throws SQLException {
    ExportSnapshot s = exports.open(caller.get(), fairId);
    StreamingOutput body =
        out -> {
          long started = System.nanoTime();
          try (s) {
            writer.write(s, out);
          } catch (java.io.IOException e) {
            throw e;
          } catch (Exception e) {
            LOG.errorf(e, "Export %s of fair %d failed", extension, fairId);
            throw new java.io.IOException("Export failed", e);
          }
          LOG.debugf(
              "Export %s of fair %d at seq %d took %d ms",
              extension, fairId, s.seq, (System.nanoTime() - started) / 1_000_000);
        };
    String name =
        "gielda-"
            + fairId
            + (part == null ? "" : "-" + part)
            + "-"
            + DAY.format(s.takenAt)
            + "-seq"
            + s.seq
            + "-"
            + s.chainHead.substring(0, 12)
            + "."
            + extension;
    return Response.ok(body)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header(SEQ_HEADER, s.seq)
        .header(HEAD_HEADER, s.chainHead)
        .header("Cache-Control", "no-store")
        .build();
  }
}
