package pl.gielda.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Nginx;

/**
 * The files in {@code deploy/} are checked by the tools that will read them: Compose renders the
 * compose file, kustomize renders the Kubernetes base, nginx accepts both of its configurations,
 * and each says what a sysadmin relies on.
 */
class DeployManifestsTest {

  private record Run(int exit, String out) {}

  private static Run run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", command[0]).isTrue();
    return new Run(p.exitValue(), out);
  }

  /** {@code docker-compose config} with the example settings: renders, no Docker engine. */
  private static Run composeConfig(Map<String, String> env) throws Exception {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("GIELDA_ENV_FILE", "gielda.env.example");
    return run(
        all,
        "docker-compose",
        "-f",
        "deploy/compose.yaml",
        "--env-file",
        "deploy/gielda.env.example",
        "config");
  }

  @Test
  void theComposeFileRendersWithPostgresTwoInstancesAndNginx() throws Exception {
    Run config = composeConfig(Map.of("DB_PASSWORD", "test-only"));
    assertThat(config.exit()).as(config.out()).isZero();
    assertThat(config.out())
        .contains("  app-1:", "  app-2:", "  db:", "  nginx:")
        .contains("image: postgres:16", "DB_URL: postgresql://db:5432/gielda")
        .contains("GIELDA_JWT_PRIVATE_KEY: /run/secrets/jwt-private.pem")
        .contains("/etc/nginx/conf.d/default.conf");
  }

  @Test
  void theComposeFileRefusesToStartWithoutADatabasePassword() throws Exception {
    Run config = composeConfig(Map.of());
    assertThat(config.exit()).isNotZero();
    assertThat(config.out()).contains("set DB_PASSWORD");
  }

  @Test
  void theKubernetesBaseRendersTwoProbedReplicasBehindAWebSocketIngress() throws Exception {
    Run rendered = run(Map.of(), "kubectl", "kustomize", "deploy/k8s");
    assertThat(rendered.exit()).as(rendered.out()).isZero();
    List<String> kinds =
        rendered
            .out()
            .lines()
            .filter(l -> l.startsWith("kind: "))
            .map(l -> l.substring(6))
            .toList();
    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "ConfigMap", "Secret", "Service", "Deployment", "PodDisruptionBudget", "Ingress");
    assertThat(rendered.out())
        .contains("replicas: 2")
        .contains("path: /q/health/ready", "path: /q/health/live")
        .contains("nginx.ingress.kubernetes.io/proxy-read-timeout: \"3600\"")
        .contains("PUBLIC_URL: https://")
        .contains("runAsNonRoot: true")
        .contains("minAvailable: 1");
  }

  @Test
  void theSecretInTheRepositoryHoldsNoCredentials() throws Exception {
    String secret = Files.readString(Path.of("deploy/k8s/secret.yaml"));
    assertThat(secret).contains("DB_PASSWORD: \"\"").doesNotContain("BEGIN");
  }

  @Test
  void nginxAcceptsThePlainAndTheTlsConfiguration() throws Exception {
    Path dir = Path.of("target/deploy-check");
    Files.createDirectories(dir.resolve("tmp"));
    Files.copy(
        Path.of("deploy/nginx/gielda-proxy.inc"),
        dir.resolve("gielda-proxy.inc"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    // The plain one exactly as the topology test runs it.
    Files.writeString(dir.resolve("plain.conf"), Nginx.site(18080, dir, 18081, 18082));
    Files.writeString(dir.resolve("nginx-plain.conf"), Nginx.main(dir, "plain.conf"));
    assertThat(Nginx.check(dir.resolve("nginx-plain.conf").toAbsolutePath())).startsWith("0: ");

    // The TLS one with a throwaway self-signed certificate in place of the real one.
    Run cert =
        run(
            Map.of(),
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=gielda.test",
            "-keyout",
            dir.resolve("privkey.pem").toString(),
            "-out",
            dir.resolve("fullchain.pem").toString());
    assertThat(cert.exit()).as(cert.out()).isZero();
    String tls =
        Files.readString(Path.of("deploy/nginx/gielda-tls.conf.example"))
            .replace("/etc/ssl/gielda/", dir.toAbsolutePath() + "/")
            .replace("/etc/nginx/gielda/", dir.toAbsolutePath() + "/")
            .replace("listen 443 ssl", "listen 127.0.0.1:18443 ssl")
            .replace("listen [::]:443 ssl http2;", "")
            .replace("listen 80;", "listen 127.0.0.1:18080;")
            .replace("listen [::]:80;", "");
    Files.writeString(dir.resolve("tls.conf"), tls);
    Files.writeString(dir.resolve("nginx-tls.conf"), Nginx.main(dir, "tls.conf"));
    assertThat(Nginx.check(dir.resolve("nginx-tls.conf").toAbsolutePath())).startsWith("0: ");
  }

  @Test
  void theContainerRunsAsAnUnprivilegedUserWithHealthChecksAndSizedMemory() throws Exception {
    String dockerfile = Files.readString(Path.of("deploy/Dockerfile"));
    assertThat(dockerfile)
        .contains("USER 10001:10001")
        .contains("/q/health/live", "/q/health/ready")
        .contains("-XX:MaxRAMPercentage=60")
        .contains("COPY --chown=gielda:gielda target/quarkus-app/");
  }
}
