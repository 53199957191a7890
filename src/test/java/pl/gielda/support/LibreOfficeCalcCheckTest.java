package pl.gielda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LibreOffice's core without Calc is told apart from Calc, before a conversion silently fails. */
class LibreOfficeCalcCheckTest {

  @Test
  void sofficeWithoutCalcsModuleIsNotCalc(@TempDir Path program) throws Exception {
    Path soffice = Files.createFile(program.resolve("soffice"));
    assertThat(LibreOffice.calcInstalled(soffice.toString())).isFalse();
    Files.createFile(program.resolve("libsclo.so"));
    assertThat(LibreOffice.calcInstalled(soffice.toString())).isTrue();
  }

  @Test
  void thisMachinesCalcIsFound() {
    assertThat(LibreOffice.binary()).endsWith("soffice");
  }
}
