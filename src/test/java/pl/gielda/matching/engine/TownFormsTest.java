package pl.gielda.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TownFormsTest {

  private static java.util.Set<String> forms(String name) {
    return TownForms.forms(name, w -> w.equals("nowa") || w.equals("małe"));
  }

  @Test
  void masculineTownsTakeTheirCaseEndingsAndStemAlternations() {
    assertThat(forms("Pelplin")).contains("pelplinie", "pelplina");
    assertThat(forms("Tczew")).contains("tczewa", "tczewie", "tczewem");
    assertThat(forms("Kraków")).contains("krakowie", "krakowa");
    assertThat(forms("Gdańsk")).contains("gdansku", "gdanska");
  }

  @Test
  void pluralAndTwoWordTownsAreDeclinedToo() {
    assertThat(forms("Subkowy")).contains("subkow", "subkowach");
    assertThat(forms("Rokitki")).contains("rokitek", "rokitkach");
    assertThat(forms("Starogard Gdański"))
        .contains("starogardzie gdanskim", "starogardu gdanskiego");
    assertThat(forms("Nowa Cerkiew")).contains("nowej cerkwi");
  }

  @Test
  void aFormIsDerivedByARuleNeverByPrefix() {
    assertThat(forms("Pelplin")).doesNotContain("pelpl", "pelplinski", "pelplinka");
    assertThat(forms("Stanisławie")).doesNotContain("stanislaw");
  }
}
