package pl.gielda.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.gielda.support.Fixtures.as;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

@QuarkusTest
class BadgePdfTest {

  @Test
  void badgesPdfHasEveryPersonsNameAndEntity() throws Exception {
    var fair = Fixtures.fair("REGISTRATION");
    for (int i = 0; i < 9; i++) {
      Fixtures.person(fair.id(), null);
    }
    byte[] pdf =
        as(Fixtures.organiser())
            // This test app's links point at localhost (no PUBLIC_URL): printing is confirmed.
            .get("/api/fairs/" + fair.id() + "/badges.pdf?allowLocalhost=true")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    PdfReader reader = new PdfReader(pdf);
    assertThat(reader.getNumberOfPages()).isEqualTo(2);
    String firstPage = new PdfTextExtractor(reader).getTextFromPage(1);
    assertThat(firstPage).contains("Osoba").contains("Fundacja").contains("Sektor: pozarządowy");
  }

  @Test
  void participantCannotPrintBadges() {
    var fair = Fixtures.fair("REGISTRATION");
    var person = Fixtures.person(fair.id(), null);
    as(person.token()).get("/api/fairs/" + fair.id() + "/badges.pdf").then().statusCode(403);
  }
}
