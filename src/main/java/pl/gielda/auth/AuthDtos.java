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

  public record LoginInput(
      @NotBlank @Size(max = 200) String email, @NotBlank @Size(max = 200) String password) {}

  public record ScreenInput(@NotBlank @Size(max = 100) String screenToken) {}

  public record TokenView(String token, Instant expiresAt, Long fairId, Long personId) {}

  public record EntityRef(long id, String name, String sector) {}

  public record MeView(
      String kind, long id, String displayName, Long fairId, Set<String> roles, EntityRef entity) {}
}
