package pl.gielda.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The one error shape of the API (RFC 9457 {@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    List<RowError> rows) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A field that failed validation; {@code field} is the JSON path, e.g. {@code title}. */
  public record FieldError(String field, String message) {}

  /** A rejected line of an uploaded file. */
  public record RowError(int line, String reason) {}
}
