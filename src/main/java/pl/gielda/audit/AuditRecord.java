package pl.gielda.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What was done to whom, with details (values: strings, numbers, lists). */
public record AuditRecord(
    AuditAction action, String subjectType, Long subjectId, Map<String, Object> detail) {

  /** The same record with one more detail (null values are left out). */
  public AuditRecord with(String key, Object value) {
    if (value == null) {
      return this;
    }
    Map<String, Object> more = new LinkedHashMap<>(detail);
    more.put(key, value);
    return new AuditRecord(action, subjectType, subjectId, Collections.unmodifiableMap(more));
  }
}
