package pl.gielda.report.export;

/** A column of an exported table: its Polish header, its kind of value and its width in chars. */
public record Column(String header, Kind kind, int width) {

  /**
   * INT: Long; MONEY (PLN) and HOURS: BigDecimal; DATETIME: Instant (shown in Europe/Warsaw); DATE:
   * LocalDate; TEXT: String.
   */
  public enum Kind {
    INT,
    MONEY,
    HOURS,
    DATETIME,
    DATE,
    TEXT
  }

  static Column text(String header, int width) {
    return new Column(header, Kind.TEXT, width);
  }

  static Column of(String header, Kind kind) {
    return new Column(
        header,
        kind,
        switch (kind) {
          case INT -> 8;
          case MONEY -> 14;
          case HOURS -> 10;
          case DATETIME -> 18;
          case DATE -> 12;
          case TEXT -> 30;
        });
  }
}
