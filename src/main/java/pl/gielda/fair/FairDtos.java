package pl.gielda.fair;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** API models of the fair feature (kept apart from the entities on purpose). */
public final class FairDtos {

  private FairDtos() {}

  public record CategoryInput(
      @NotBlank @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "use A-Z and _ only") String code,
      @NotBlank @Size(max = 80) String namePl,
      @NotBlank @Size(max = 80) String nameEn) {}

  public record FairInput(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 300) String venue,
      @NotNull Instant startsAt,
      @NotNull Instant endsAt,
      @Size(max = 40) List<@Valid CategoryInput> categories) {}

  public record PhaseInput(@NotNull Phase phase) {}

  /** A fair's name, place and time, changed by its organiser (a fair dated 2024 by mistake). */
  public record FairUpdate(
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 300) String venue,
      @NotNull Instant startsAt,
      @NotNull Instant endsAt) {}

  /**
   * A category added to a fair: the Polish name is enough; the code (A-Z and _) is made from it and
   * the English name defaults to it.
   */
  public record NewCategory(
      @NotBlank @Size(max = 80) String namePl,
      @Size(max = 80) String nameEn,
      @Pattern(regexp = "[A-Z][A-Z_]{1,39}", message = "use A-Z and _ only") String code) {}

  public record CategoryView(String code, String namePl, String nameEn) {
    static CategoryView of(Category c) {
      return new CategoryView(c.code, c.namePl, c.nameEn);
    }
  }

  public record FairView(
      long id,
      String name,
      String venue,
      Instant startsAt,
      Instant endsAt,
      String timeZone,
      String joinCode,
      Phase phase,
      List<CategoryView> categories,
      // The join QR's link, on the public address phones use (not the origin a screen runs at);
      // null while no address is configured or chosen: the page then uses its own origin.
      String joinUrl) {

    static FairView of(Fair f, List<Category> categories, String linkBase) {
      return new FairView(
          f.id,
          f.name,
          f.venue,
          f.startsAt,
          f.endsAt,
          f.timeZone,
          f.joinCode,
          f.phase,
          categories.stream().map(CategoryView::of).toList(),
          linkBase == null ? null : linkBase + "/join/" + f.joinCode);
    }
  }

  /** What anyone holding the join code may see before joining. */
  public record PublicFairView(
      long fairId, String name, String venue, Instant startsAt, Phase phase) {}
}
