package pl.gielda.post;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import pl.gielda.participant.Sector;

public final class PostDtos {

  private PostDtos() {}

  public record PostInput(
      @NotNull PostKind kind,
      @NotBlank @Size(max = 40) String category,
      @NotBlank @Size(min = 3, max = 120) String title,
      @Size(max = 2000) String description,
      @Size(max = 100) String quantity,
      @Size(max = 200) String availability,
      @Size(max = 100) String town,
      @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
          BigDecimal valuePln,
      @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal hours,
      Long onBehalfOf) {}

  public record PostUpdate(
      @NotBlank @Size(max = 40) String category,
      @NotBlank @Size(min = 3, max = 120) String title,
      @Size(max = 2000) String description,
      @Size(max = 100) String quantity,
      @Size(max = 200) String availability,
      @Size(max = 100) String town,
      @DecimalMin("0") @DecimalMax("10000000") @Digits(integer = 8, fraction = 2)
          BigDecimal valuePln,
      @DecimalMin("0") @DecimalMax("100000") @Digits(integer = 6, fraction = 2) BigDecimal hours,
      @NotNull Integer version) {}

  public record HideInput(@NotBlank @Size(max = 300) String reason) {}

  public record PostView(
      long id,
      long fairId,
      PostKind kind,
      String category,
      String title,
      String description,
      String quantity,
      String availability,
      String town,
      BigDecimal valuePln,
      BigDecimal hours,
      long entityId,
      String entityName,
      Sector sector,
      long authorId,
      Long onBehalfBy,
      Post.Status status,
      boolean hidden,
      String hiddenReason,
      int version,
      Instant createdAt,
      Instant updatedAt) {}
}
