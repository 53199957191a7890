package pl.gielda.auth;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

public final class AuthDtos {

  private AuthDtos() {}

  public record SetupInput(
      @NotBlank @Size(max = 100) String setupToken,
      @NotBlank @Email @Size(max = 200) String email,
      @NotBlank @Size(max = 120) String displayName,
      @NotBlank @Size(min = 12, max = 200, message = "must have 12 to 200 characters")
          String password) {}

  public record OrganiserInput(
      @NotBlank @Email @Size(max = 200) String email,
      @NotBlank @Size(max = 120) String displayName,
      @NotBlank @Size(min = 12, max = 200, message = "must have 12 to 200 characters")
          String password) {}

  public record OrganiserView(long id, String email, String displayName) {}

  /** Whether the first organiser still has to be created (the setup screen asks). */
  public record SetupStatus(boolean needed) {}

  public record ResetLinkView(String url, Instant expiresAt) {}

  public record ResetRequestInput(@NotBlank @Email @Size(max = 200) String email) {}

  public record ResetInput(
      @NotBlank @Size(max = 100) String token,
      @NotBlank @Size(min = 12, max = 200, message = "must have 12 to 200 characters")
          String password) {}

  public record LoginInput(
      @NotBlank @Size(max = 200) String email, @NotBlank @Size(max = 200) String password) {}

  public record BadgeInput(@NotBlank @Size(max = 100) String badgeToken) {}

  public record ScreenInput(@NotBlank @Size(max = 100) String screenToken) {}

  public record TokenView(String token, Instant expiresAt, Long fairId, Long personId) {}

  public record EntityRef(long id, String name, String sector) {}

  public record MeView(
      String kind, long id, String displayName, Long fairId, Set<String> roles, EntityRef entity) {}
}
