package pl.gielda.common.error;

import java.util.List;

/** A failure the client caused or must know about; mapped to a {@link Problem}. */
public class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String title;
  private final List<Problem.FieldError> fieldErrors;
  private final List<Problem.RowError> rows;

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
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.fieldErrors = List.copyOf(fieldErrors);
    this.rows = List.copyOf(rows);
  }

  public static ApiException notFound(String what) {
    return new ApiException(404, "not-found", "Not found", what + " does not exist");
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

  public static ApiException unprocessable(String code, String detail) {
    return new ApiException(422, code, "Cannot be processed", detail);
  }

  public int status() {
    return status;
  }

  public Problem toProblem() {
    return new Problem(
        "urn:gielda:problem:" + code, title, status, getMessage(), fieldErrors, rows);
  }
}
