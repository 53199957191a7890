package pl.gielda.common.error;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Names a bean-validation failure by its constraint ({@code NotBlank} → {@code not-blank}) and
 * keeps the limits a message needs ({@code min}, {@code max}, {@code value}), so a client words
 * "must not be blank" in its own language.
 */
final class FieldCodes {

  private FieldCodes() {}

  static String code(ConstraintViolation<?> v) {
    String name = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }

  static Map<String, Object> params(ConstraintViolation<?> v) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : new String[] {"min", "max", "value"}) {
      Object limit = v.getConstraintDescriptor().getAttributes().get(key);
      if (limit instanceof Number || limit instanceof String) {
        out.put(key, limit);
      }
    }
    return out;
  }
}
