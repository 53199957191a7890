package pl.gielda.common.error;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A failure the client caused or must know about; mapped to a {@link Problem}. */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final List<Problem.FieldError> fieldErrors;
  private final List<Problem.RowError> rows;
  private final Map<String, Object> params;

  public ApiException(int status, String code, String title, String detail) {
    this(status, code, title, detail, List.of(), List.of());
  }

  public ApiException(
      int status,
      String code,
      String title,
      String detail,
      List<Problem.FieldError> fieldErrors,
      List<Problem.RowError> rows) {
    this(status, code, title, detail, Map.of(), fieldErrors, rows);
  }

  /** With parameters a client fills into its own wording of {@code code}. */
  public ApiException(
      int status,
      String code,
      String title,
      String detail,
      Map<String, Object> params,
      List<Problem.FieldError> fieldErrors,
      List<Problem.RowError> rows) {
    super(detail, null, false, false);
    this.params = Map.copyOf(params);
    this.status = status;
    this.code = code;
    this.title = title;
    this.fieldErrors = List.copyOf(fieldErrors);
    this.rows = List.copyOf(rows);
  }

  private static final Pattern KIND_AND_ID = Pattern.compile("([A-Z][A-Za-z ]*?) (\\d+)");

  /**
   * {@code what} is "Post 103" or a phrase; a kind with an id becomes the parameters {@code kind}
   * and {@code id}, so a client can say "Nie ma ogłoszenia nr 103".
   */
  public static ApiException notFound(String what) {
    Matcher m = KIND_AND_ID.matcher(what);
    Map<String, Object> params =
        m.matches()
            ? Map.of("kind", m.group(1).toLowerCase(java.util.Locale.ROOT), "id", m.group(2))
            : Map.of();
    return new ApiException(
        404, "not-found", "Not found", what + " does not exist", params, List.of(), List.of());
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Forbidden", detail);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Unauthorized", detail);
  }

  public static ApiException conflict(String code, String detail) {
    return new ApiException(409, code, "Conflict", detail);
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(
        400,
        "validation",
        "Invalid request",
        "One or more fields are invalid",
        List.of(new Problem.FieldError(field, message)),
        List.of());
  }

  /** One invalid field with a code and parameters a client words itself. */
  public static ApiException invalid(
      String field, String code, String message, Map<String, Object> params) {
    return new ApiException(
        400,
        "validation",
        "Invalid request",
        "One or more fields are invalid",
        List.of(new Problem.FieldError(field, message, code, params)),
        List.of());
  }

  public static ApiException unprocessable(String code, String detail) {
    return new ApiException(422, code, "Cannot be processed", detail);
  }

  public int status() {
    return status;
  }

  public Problem toProblem() {
    return new Problem(
        Problem.TYPE_PREFIX + code, code, title, status, getMessage(), params, fieldErrors, rows);
  }
}
