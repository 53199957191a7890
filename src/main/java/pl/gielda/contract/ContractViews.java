package pl.gielda.contract;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pl.gielda.contract.ContractDtos.ContractView;
import pl.gielda.contract.ContractDtos.ItemView;
import pl.gielda.contract.ContractDtos.PartyView;
import pl.gielda.contract.ContractDtos.SignatureView;
import pl.gielda.contract.ContractDtos.Warning;
import pl.gielda.contract.ContractStore.Aggregate;
import pl.gielda.contract.chain.ChainRows;
import pl.gielda.contract.money.MoneyFinding;
import pl.gielda.participant.Links;

/**
 * Maps contracts to what the API returns and to the events the fair's log carries.
 *
 * <p>Events before registration are compact on purpose: the board goes to everyone in the fair, and
 * a deal under negotiation is the parties' business. They carry ids only, so the parties' phones
 * know to fetch the details (which only they may read); a registered contract is public news for
 * the hall's big screen, so its event names the parties and sums up the items.
 */
@ApplicationScoped
class ContractViews {

  private final ContractStore store;
  private final Links links;

  ContractViews(ContractStore store, Links links) {
    this.store = store;
    this.links = links;
  }

  ContractView view(Aggregate a) {
    return view(a, Set.of());
  }

  /** As {@link #view(Aggregate)}, warning of parties not confirmed yet (the notary's queue). */
  ContractView view(Aggregate a, Set<Long> unconfirmedEntities) {
    Contract c = a.contract();
    Set<Long> signed = a.signatures().stream().map(s -> s.entityId).collect(Collectors.toSet());
    List<MoneyFinding> findings = store.findings(c);
    return new ContractView(
        c.id,
        c.fairId,
        c.status,
        c.source,
        c.origin,
        c.version,
        c.contentHash,
        c.title,
        c.notes,
        ChainRows.postIds(c.postIds),
        a.parties().stream()
            .map(
                p -> new PartyView(p.entityId, p.entityName, p.sector, signed.contains(p.entityId)))
            .toList(),
        a.items().stream()
            .map(
                i ->
                    new ItemView(
                        i.position,
                        i.fromEntityId,
                        i.toEntityId,
                        i.category,
                        i.description,
                        i.quantity,
                        i.whenText,
                        i.valuePln,
                        i.hours))
            .toList(),
        a.signatures().stream()
            .map(
                s ->
                    new SignatureView(
                        s.entityId,
                        s.personId,
                        s.personName,
                        s.method,
                        s.onBehalfBy,
                        s.version,
                        s.contentHash,
                        s.signedAt))
            .toList(),
        c.moneyFlagged,
        findings,
        warnings(a, findings, unconfirmedEntities),
        c.proposedBy,
        c.proposedOnBehalfBy,
        c.createdAt,
        c.updatedAt,
        c.signedAt,
        c.returnedReason,
        c.returnedAt,
        c.withdrawnReason,
        c.withdrawnAt,
        c.number,
        c.registeredAt,
        c.registeredByName,
        c.moneyJustification,
        c.prevHash,
        c.recordHash,
        c.number == null ? null : verifyUrl(c));
  }

  String verifyUrl(Contract c) {
    return links.base() + "/verify/" + c.fairId + "/" + c.number + "?h=" + c.recordHash;
  }

  private static List<Warning> warnings(
      Aggregate a, List<MoneyFinding> findings, Set<Long> unconfirmedEntities) {
    List<Warning> warnings = new ArrayList<>();
    for (MoneyFinding f : findings) {
      warnings.add(
          new Warning(
              "money",
              f.field(),
              "„" + f.fragment() + "”: " + f.reasonPl(),
              "\"" + f.fragment() + "\": " + f.reasonEn()));
    }
    for (ContractItem i : a.items()) {
      if (i.valuePln == null && i.hours == null) {
        warnings.add(
            new Warning(
                "no-estimate",
                "items[" + i.position + "]",
                "Brak szacunkowej wartości (zł lub godziny) do raportu",
                "No estimated value (PLN or hours) for the report"));
      }
    }
    Set<Long> givers = a.items().stream().map(i -> i.fromEntityId).collect(Collectors.toSet());
    for (ContractParty p : a.parties()) {
      if (!givers.contains(p.entityId)) {
        warnings.add(
            new Warning(
                "gives-nothing",
                "parties[" + p.position + "]",
                p.entityName + " nic nie daje w zamian",
                p.entityName + " gives nothing in return"));
      }
    }
    for (ContractParty p : a.parties()) {
      if (unconfirmedEntities.contains(p.entityId)) {
        warnings.add(
            new Warning(
                UnconfirmedParties.CODE,
                "parties[" + p.position + "]",
                "Podmiot „"
                    + p.entityName
                    + "” nie jest jeszcze potwierdzony: potwierdza go punkt informacyjny lub"
                    + " organizator, potem można zarejestrować",
                "The entity “"
                    + p.entityName
                    + "” is not confirmed yet: the help desk or the organiser confirms it,"
                    + " then the contract can be registered"));
      }
    }
    return warnings;
  }

  /** {contractId, status, version, parties:[entityId], signed:[entityId]} — no content. */
  static Map<String, Object> compactEvent(Aggregate a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("contractId", a.contract().id);
    m.put("status", a.contract().status.name());
    m.put("version", a.contract().version);
    m.put("parties", a.partyIds());
    m.put("signed", a.signedIds());
    return m;
  }

  /**
   * The big screen's ticker line: number, parties with sectors, who gives what; and the items'
   * categories and estimates, from which the tallies are folded.
   */
  static Map<String, Object> registeredEvent(Aggregate a) {
    Contract c = a.contract();
    Map<Long, String> names = new LinkedHashMap<>();
    List<Map<String, Object>> parties = new ArrayList<>();
    for (ContractParty p : a.parties()) {
      names.put(p.entityId, p.entityName);
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("entityId", p.entityId);
      pm.put("name", p.entityName);
      pm.put("sector", p.sector.name());
      parties.add(pm);
    }
    List<String> summary = new ArrayList<>();
    for (ContractItem i : a.items()) {
      summary.add(
          names.get(i.fromEntityId)
              + " → "
              + names.get(i.toEntityId)
              + ": "
              + shorten(i.description, 80));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("contractId", c.id);
    m.put("number", c.number);
    m.put("parties", parties);
    m.put("headline", headline(a));
    m.put("summary", summary);
    m.put("registeredAt", c.registeredAt.toString());
    m.put("source", c.source.name());
    m.put("recordHash", c.recordHash);
    m.put("items", reportItems(a));
    return m;
  }

  /** What the fair's tallies need of each item (the report folds the log with these). */
  private static List<Map<String, Object>> reportItems(Aggregate a) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (ContractItem i : a.items()) {
      Map<String, Object> im = new LinkedHashMap<>();
      im.put("fromEntityId", i.fromEntityId);
      im.put("toEntityId", i.toEntityId);
      im.put("category", i.category);
      im.put("valuePln", i.valuePln);
      im.put("hours", i.hours);
      items.add(im);
    }
    return items;
  }

  /** "sala na warsztaty ↔ promocja": what each party gives, in party order. */
  static String headline(Aggregate a) {
    List<String> sides = new ArrayList<>();
    for (ContractParty p : a.parties()) {
      String gives =
          a.items().stream()
              .filter(i -> i.fromEntityId.equals(p.entityId))
              .map(i -> shorten(i.description, 40))
              .collect(Collectors.joining(", "));
      sides.add(gives.isEmpty() ? "—" : gives);
    }
    return String.join(" ↔ ", sides);
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
