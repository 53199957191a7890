package pl.gielda.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real LibreOffice (Debian package libreoffice-calc-nogui) headless to convert files, as
 * an organiser's spreadsheet would open them. Missing Calc fails the test with "LibreOffice Calc is
 * missing": the CI installs it.
 */
public final class LibreOffice {

  /** CSV import as a Polish-locale Calc does it: ';', '"', UTF-8, line 1, pl-PL, detect dates. */
  public static final String POLISH_CSV_IMPORT =
      "Text - txt - csv (StarCalc):59,34,76,1,,1045,false,true";

  /** CSV export of every sheet (one file per sheet), UTF-8, cells as shown. */
  public static final String CSV_EXPORT_ALL_SHEETS =
      "csv:Text - txt - csv (StarCalc):59,34,76,1,,1045,false,true,true,false,false,-1";

  private LibreOffice() {}

  /**
   * The {@code soffice} to run, once Calc itself is there: LibreOffice's core without Calc still
   * has {@code soffice}, which then exits 0 without converting anything.
   */
  public static String binary() {
    String soffice = null;
    for (String candidate :
        List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice")) {
      if (Files.isExecutable(Path.of(candidate))) {
        soffice = candidate;
        break;
      }
    }
    if (soffice == null || !calcInstalled(soffice)) {
      throw new AssertionError(
          "LibreOffice Calc is missing: apt-get install -y libreoffice-calc-nogui");
    }
    return soffice;
  }

  /** Calc's module ({@code libsclo.so}) beside the program that {@code soffice} starts. */
  static boolean calcInstalled(String soffice) {
    try {
      Path program = Path.of(soffice).toRealPath().getParent();
      return Files.exists(program.resolve("libsclo.so"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Converts {@code input} into {@code outDir}; {@code infilter} may be null. */
  public static void convert(Path input, String convertTo, String infilter, Path outDir)
      throws IOException, InterruptedException {
    Files.createDirectories(outDir);
    // A throw-away profile under the build folder, deleted afterwards (not left in /tmp).
    Files.createDirectories(PROFILES);
    Path profile = Files.createTempDirectory(PROFILES, "lo-profile");
    try {
      run(input, convertTo, infilter, outDir, profile);
    } finally {
      deleteTree(profile);
    }
  }

  private static final Path PROFILES = Path.of("target", "lo-profiles").toAbsolutePath();

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void run(Path input, String convertTo, String infilter, Path outDir, Path profile)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary());
    cmd.add("-env:UserInstallation=" + profile.toUri());
    cmd.add("--headless");
    cmd.add("--norestore");
    if (infilter != null) {
      cmd.add("--infilter=" + infilter);
    }
    cmd.add("--convert-to");
    cmd.add(convertTo);
    cmd.add("--outdir");
    cmd.add(outDir.toString());
    cmd.add(input.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd);
    // A Polish organiser's LibreOffice: formats shown "as in the cell" use the Polish locale.
    pb.environment().put("LC_ALL", "pl_PL.UTF-8");
    pb.environment().put("LANG", "pl_PL.UTF-8");
    Process p =
        pb.redirectErrorStream(true).redirectOutput(outDir.resolve("soffice.log").toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("LibreOffice did not finish converting " + input + " in 180 s");
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(
          "LibreOffice failed on "
              + input
              + ": "
              + Files.readString(outDir.resolve("soffice.log")));
    }
  }
}
