package pl.gielda.participant;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The sectors of the "three pillars" (public, NGO, business) plus informal groups and individuals.
 */
public enum Sector {
  PUBLIC("publiczny", "#1f6feb"),
  NGO("pozarządowy", "#2da44e"),
  BUSINESS("biznes", "#d4a72c"),
  INFORMAL_GROUP("grupa nieformalna", "#8250df"),
  INDIVIDUAL("osoba prywatna", "#cf222e");

  private final String polish;
  private final String colour;

  Sector(String polish, String colour) {
    this.polish = polish;
    this.colour = colour;
  }

  public String polish() {
    return polish;
  }

  /** Badge colour (hex). */
  public String colour() {
    return colour;
  }

  /** Accepts codes and the Polish words people type in spreadsheets. */
  public static Optional<Sector> parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    String v = fold(raw);
    for (Sector s : values()) {
      if (v.equals(fold(s.name())) || v.equals(fold(s.polish))) {
        return Optional.of(s);
      }
    }
    return switch (v) {
      case "ngo", "organizacja pozarzadowa", "stowarzyszenie", "fundacja", "trzeci sektor" ->
          Optional.of(NGO);
      case "firma", "business", "przedsiebiorstwo", "biznesowy" -> Optional.of(BUSINESS);
      case "publiczny", "public", "instytucja publiczna", "samorzad", "jst" -> Optional.of(PUBLIC);
      case "grupa", "grupa nieformalna", "informal", "informal group" ->
          Optional.of(INFORMAL_GROUP);
      case "osoba", "osoba prywatna", "mieszkaniec", "individual", "private" ->
          Optional.of(INDIVIDUAL);
      default -> Optional.empty();
    };
  }

  private static String fold(String s) {
    String noMarks =
        Normalizer.normalize(
                s.trim().toLowerCase(Locale.ROOT).replace('ł', 'l'), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return noMarks.replace('_', ' ').replaceAll("\\s+", " ");
  }
}
