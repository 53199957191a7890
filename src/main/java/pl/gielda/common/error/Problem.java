package pl.gielda.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The one error shape of the API (RFC 9457 {@code application/problem+json}).
 *
 * <p>{@code code} (the last part of {@code type}) and {@code params} let a client word the problem
 * in its own language; {@code title} and {@code detail} stay English, for logs and machines. Field
 * and row errors carry their own code and parameters for the same reason.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    String type,
    String code,
    String title,
    int status,
    String detail,
    Map<String, Object> params,
    List<FieldError> errors,
    List<RowError> rows) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_PREFIX = "urn:gielda:problem:";

  /** A problem whose code is the last part of its type, without parameters. */
  public Problem(
      String type,
      String title,
      int status,
      String detail,
      List<FieldError> errors,
      List<RowError> rows) {
    this(type, codeOf(type), title, status, detail, Map.of(), errors, rows);
  }

  static String codeOf(String type) {
    return type != null && type.startsWith(TYPE_PREFIX)
        ? type.substring(TYPE_PREFIX.length())
        : type;
  }

  /**
   * A field that failed validation; {@code field} is the JSON path, e.g. {@code title}; {@code
   * code} names the rule ({@code not-blank}, {@code size}, …) and {@code params} its limits.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record FieldError(String field, String message, String code, Map<String, Object> params) {
    public FieldError(String field, String message) {
      this(field, message, null, Map.of());
    }
  }

  /** A rejected line of an uploaded file; {@code code} and {@code params} as for a field. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record RowError(int line, String reason, String code, Map<String, Object> params) {
    public RowError(int line, String reason) {
      this(line, reason, null, Map.of());
    }
  }
}
