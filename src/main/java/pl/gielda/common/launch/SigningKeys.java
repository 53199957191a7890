package pl.gielda.common.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * JWT keys: production configures {@code GIELDA_JWT_PRIVATE_KEY}/{@code GIELDA_JWT_PUBLIC_KEY} (PEM
 * file locations); when absent a key pair is generated once into {@code <data>/keys}.
 */
public final class SigningKeys {

  private static final Logger LOG = Logger.getLogger(SigningKeys.class);

  private SigningKeys() {}

  public static void prepare(Path dataDir) {
    String priv = System.getenv("GIELDA_JWT_PRIVATE_KEY");
    String pub = System.getenv("GIELDA_JWT_PUBLIC_KEY");
    if (priv != null && pub != null) {
      use(Path.of(priv), Path.of(pub));
      return;
    }
    Path dir = dataDir.resolve("keys");
    Path privFile = dir.resolve("jwt-private.pem");
    Path pubFile = dir.resolve("jwt-public.pem");
    try {
      if (!Files.exists(privFile) || !Files.exists(pubFile)) {
        generate(dir, privFile, pubFile);
        LOG.infof("Generated a JWT signing key pair in %s", dir);
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Could not prepare JWT signing keys in " + dir, e);
    }
    use(privFile, pubFile);
  }

  private static void use(Path priv, Path pub) {
    System.setProperty("smallrye.jwt.sign.key.location", priv.toUri().toString());
    System.setProperty("mp.jwt.verify.publickey.location", pub.toUri().toString());
  }

  static void generate(Path dir, Path privFile, Path pubFile)
      throws IOException, GeneralSecurityException {
    Files.createDirectories(dir);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    write(privFile, "PRIVATE KEY", pair.getPrivate().getEncoded());
    write(pubFile, "PUBLIC KEY", pair.getPublic().getEncoded());
    try {
      Files.setPosixFilePermissions(privFile, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.debug("No POSIX permissions on this file system");
    }
  }

  private static void write(Path file, String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    String pem = "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    try {
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
