package pl.gielda.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvailabilityTest {

  @Test
  void weekendsClashWithWednesdayMorning() {
    assertThat(Availability.parse("weekendy").clashes(Availability.parse("środa rano")))
        .isNotZero();
  }

  @Test
  void workdaysFitATuesday() {
    assertThat(
            Availability.parse("pon–pt przed południem").fits(Availability.parse("wtorek 10:00")))
        .isTrue();
  }

  @Test
  void onceAWeekIsAFrequencyNotWeekdays() {
    assertThat(Availability.parse("1x w tygodniu wieczorem").days()).isZero();
  }

  @Test
  void exceptThursdaysLeavesOtherDays() {
    Availability a = Availability.parse("pon–nd, oprócz czwartków");
    assertThat(a.clashes(Availability.parse("czwartek"))).isNotZero();
    assertThat(a.fits(Availability.parse("sobota"))).isTrue();
  }

  @Test
  void monthsAndHolidaysAreRead() {
    assertThat(Availability.parse("poza lipcem i sierpniem").clashes(Availability.parse("lipiec")))
        .isNotZero();
    assertThat(Availability.parse("wakacje").fits(Availability.parse("lipiec–sierpień"))).isTrue();
  }

  @Test
  void deadlinesDoNotRestrictTheMonth() {
    assertThat(Availability.parse("do października").months()).isZero();
  }
}
