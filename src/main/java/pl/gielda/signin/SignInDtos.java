package pl.gielda.signin;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class SignInDtos {

  private SignInDtos() {}

  /**
   * The secret from the badge's tear-off and the key the phone made for itself (kept in its
   * storage, sent only here).
   */
  public record SignInInput(
      @NotBlank @Size(max = 100) String signInSecret,
      @NotBlank @Size(min = 16, max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+") String deviceKey) {}

  /** A phone already signed in (before phones were bound) claims the binding for itself. */
  public record PhoneInput(
      @NotBlank @Size(min = 16, max = 100) @Pattern(regexp = "[A-Za-z0-9_-]+") String deviceKey) {}

  public record PhoneView(boolean bound) {}
}
