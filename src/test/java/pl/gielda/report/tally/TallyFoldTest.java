package pl.gielda.report.tally;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import pl.gielda.participant.Sector;

class TallyFoldTest {

  private final TallyFold fold = new TallyFold();
  private long seq;

  private void event(String type, String json) {
    fold.apply(++seq, type, json.replace('\'', '"'));
  }

  @Test
  void aSmallFairFoldsToTheFiguresCountedByHand() {
    event("fair.created", "{'name':'Giełda'}");
    event("entity.created", "{'entityId':1,'sector':'PUBLIC'}");
    event("entity.created", "{'entityId':2,'sector':'NGO'}");
    event("entity.created", "{'entityId':3,'sector':'BUSINESS'}");
    event("person.joined", "{'personId':10,'entityId':1}");
    event("person.joined", "{'personId':11,'entityId':2}");
    event("person.joined", "{'personId':12,'entityId':3}");
    event("person.checkedIn", "{'personId':10,'entityId':1,'at':'2026-05-16T08:01:00Z'}");
    event("person.checkedIn", "{'personId':11,'entityId':2,'at':'2026-05-16T08:09:59.999999Z'}");
    event("person.checkedIn", "{'personId':12,'entityId':3,'at':'2026-05-16T08:10:00Z'}");
    event("post.created", post(100, "OFFER", "ROOMS", "ACTIVE", false));
    event("post.created", post(101, "OFFER", "ROOMS", "ACTIVE", false));
    event("post.created", post(102, "REQUEST", "CATERING", "ACTIVE", false));
    event("post.created", post(103, "OFFER", "PROMOTION", "ACTIVE", false));
    event("post.withdrawn", "{'postId':103}");
    event("post.created", post(104, "OFFER", "EQUIPMENT", "ACTIVE", false));
    event("post.hidden", "{'postId':104}");
    event("post.updated", post(101, "OFFER", "TRANSPORT", "ACTIVE", false));
    event("contract.proposed", "{'contractId':500,'status':'PROPOSED'}");
    event(
        "contract.registered",
        "{'contractId':500,'number':1,'registeredAt':'2026-05-16T08:15:00Z',"
            + "'parties':[{'entityId':1,'sector':'PUBLIC'},{'entityId':2,'sector':'NGO'}],"
            + "'items':[{'fromEntityId':1,'toEntityId':2,'category':'ROOMS','valuePln':400,'hours':null},"
            + "{'fromEntityId':2,'toEntityId':1,'category':'VOLUNTEERS','valuePln':null,'hours':10.5}]}");
    event(
        "contract.registered",
        "{'contractId':501,'number':2,'registeredAt':'2026-05-16T08:41:00Z',"
            + "'parties':[{'entityId':3,'sector':'BUSINESS'},{'entityId':2,'sector':'NGO'}],"
            + "'items':[{'fromEntityId':3,'toEntityId':2,'category':'CATERING','valuePln':300.5},"
            + "{'fromEntityId':2,'toEntityId':3,'category':'ROOMS','valuePln':150,'hours':2}]}");
    event("contract.followUp", "{'contractId':500,'status':'IN_PROGRESS'}");
    event("contract.followUp", "{'contractId':500,'status':'DELIVERED'}");

    Tallies t = fold.tallies();

    assertThat(t.seq()).isEqualTo(seq);
    assertThat(t.headline())
        .isEqualTo(
            new Tallies.Headline(
                3, 3, 3, 2, 1, 2, 4, new BigDecimal("850.50"), new BigDecimal("12.50")));
    assertThat(t.entitiesBySector())
        .containsEntry(Sector.PUBLIC, 1L)
        .containsEntry(Sector.INFORMAL_GROUP, 0L);
    assertThat(t.offersByCategory()).containsExactly(entry("ROOMS", 1), entry("TRANSPORT", 1));
    assertThat(t.requestsByCategory()).containsExactly(entry("CATERING", 1));
    assertThat(t.itemsByCategory())
        .containsExactly(
            new Tallies.CategoryTally(
                "CATERING", 1, 1, new BigDecimal("300.50"), new BigDecimal("0.00")),
            new Tallies.CategoryTally(
                "ROOMS", 2, 2, new BigDecimal("550.00"), new BigDecimal("2.00")),
            new Tallies.CategoryTally(
                "VOLUNTEERS", 1, 1, new BigDecimal("0.00"), new BigDecimal("10.50")));
    assertThat(t.sectorPairs()).hasSize(25);
    assertThat(t.sectorPairs())
        .contains(
            new Tallies.SectorPair(
                Sector.PUBLIC, Sector.NGO, 1, new BigDecimal("400.00"), new BigDecimal("0.00")),
            new Tallies.SectorPair(
                Sector.NGO, Sector.BUSINESS, 1, new BigDecimal("150.00"), new BigDecimal("2.00")),
            new Tallies.SectorPair(
                Sector.NGO, Sector.NGO, 0, new BigDecimal("0.00"), new BigDecimal("0.00")));
    assertThat(t.contractsTimeline())
        .containsExactly(
            new Tallies.TimeBucket(Instant.parse("2026-05-16T08:10:00Z"), 1, 1),
            new Tallies.TimeBucket(Instant.parse("2026-05-16T08:40:00Z"), 1, 2));
    assertThat(t.checkInTimeline())
        .containsExactly(
            new Tallies.TimeBucket(Instant.parse("2026-05-16T08:00:00Z"), 2, 2),
            new Tallies.TimeBucket(Instant.parse("2026-05-16T08:10:00Z"), 1, 3));
    assertThat(t.followUp().byStatus())
        .containsEntry("DELIVERED", 1L)
        .containsEntry("IN_PROGRESS", 0L)
        .containsEntry("NONE", 1L);
    assertThat(t.followUp().deliveredItems()).isEqualTo(2);
    assertThat(t.followUp().deliveredValuePln()).isEqualByComparingTo("400");
    assertThat(t.followUp().deliveredHours()).isEqualByComparingTo("10.5");
  }

  @Test
  void replayedEventsAreAppliedOnce() {
    fold.apply(1, "person.joined", "{\"personId\":1}");
    fold.apply(2, "person.joined", "{\"personId\":2}");
    fold.apply(2, "person.joined", "{\"personId\":3}");
    fold.apply(1, "person.joined", "{\"personId\":4}");
    assertThat(fold.tallies().headline().people()).isEqualTo(2);
    assertThat(fold.seq()).isEqualTo(2);
  }

  @Test
  void aHiddenPostThatIsShownAgainCountsAgain() {
    event("post.created", post(1, "OFFER", "ROOMS", "ACTIVE", false));
    event("post.hidden", "{'postId':1}");
    assertThat(fold.tallies().headline().offers()).isZero();
    event("post.unhidden", post(1, "OFFER", "ROOMS", "ACTIVE", false));
    assertThat(fold.tallies().headline().offers()).isEqualTo(1);
  }

  private static String post(long id, String kind, String category, String status, boolean hidden) {
    return "{'post':{'id':"
        + id
        + ",'kind':'"
        + kind
        + "','category':'"
        + category
        + "','status':'"
        + status
        + "','hidden':"
        + hidden
        + ",'title':'x'}}";
  }

  private static java.util.Map.Entry<String, Long> entry(String k, long v) {
    return java.util.Map.entry(k, v);
  }
}
