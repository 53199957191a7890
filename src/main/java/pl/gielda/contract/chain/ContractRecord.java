package pl.gielda.contract.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pl.gielda.common.Secrets;

/**
 * What a contract says, in plain values, and its canonical forms. The same code builds them from
 * entities in the app and from SQL rows in the verifier, so both hash the same bytes.
 *
 * <p>{@code contentHash = SHA-256(canonical content)} is what each party signs. {@code recordHash =
 * SHA-256(prevHash + canonical record)} chains each registered contract to the one registered
 * before it in the same fair.
 */
public final class ContractRecord {

  /** The chain's first link points to this instead of a previous record. */
  public static final String GENESIS = "0".repeat(64);

  public record Party(long entityId, String name, String sector) {}

  /** Decimals as canonical strings (see {@link Canonical#decimal}). */
  public record Item(
      long from,
      long to,
      String category,
      String description,
      String quantity,
      String when,
      String valuePln,
      String hours) {}

  public record Content(
      long fairId,
      long contractId,
      int version,
      String source,
      String title,
      String notes,
      List<Long> postIds,
      List<Party> parties,
      List<Item> items) {}

  public record Signature(
      long entityId,
      long personId,
      String personName,
      String method,
      Long onBehalfBy,
      int version,
      String contentHash,
      Instant signedAt) {}

  public record Registration(
      int number,
      Instant registeredAt,
      String registeredBy,
      String registeredByName,
      String moneyJustification) {}

  private ContractRecord() {}

  public static String canonicalContent(Content c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fairId", c.fairId());
    m.put("contractId", c.contractId());
    m.put("version", c.version());
    m.put("source", c.source());
    m.put("title", blankToNull(c.title()));
    m.put("notes", blankToNull(c.notes()));
    m.put("postIds", c.postIds().stream().sorted().toList());
    List<Object> parties = new ArrayList<>();
    for (Party p : c.parties()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("entityId", p.entityId());
      pm.put("name", p.name());
      pm.put("sector", p.sector());
      parties.add(pm);
    }
    m.put("parties", parties);
    List<Object> items = new ArrayList<>();
    for (Item i : c.items()) {
      Map<String, Object> im = new LinkedHashMap<>();
      im.put("from", i.from());
      im.put("to", i.to());
      im.put("category", i.category());
      im.put("description", i.description());
      im.put("quantity", blankToNull(i.quantity()));
      im.put("when", blankToNull(i.when()));
      im.put("valuePln", i.valuePln());
      im.put("hours", i.hours());
      items.add(im);
    }
    m.put("items", items);
    return Canonical.json(m);
  }

  public static String contentHash(Content c) {
    return Secrets.sha256(canonicalContent(c));
  }

  public static String canonicalRecord(
      Content content, String contentHash, List<Signature> signatures, Registration r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fairId", content.fairId());
    m.put("number", r.number());
    m.put("contractId", content.contractId());
    m.put("contentHash", contentHash);
    m.put("content", content(content));
    List<Object> sigs = new ArrayList<>();
    for (Signature s :
        signatures.stream().sorted(Comparator.comparingLong(Signature::entityId)).toList()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("entityId", s.entityId());
      sm.put("personId", s.personId());
      sm.put("personName", s.personName());
      sm.put("method", s.method());
      sm.put("onBehalfBy", s.onBehalfBy());
      sm.put("version", s.version());
      sm.put("contentHash", s.contentHash());
      sm.put("signedAt", Canonical.time(s.signedAt()));
      sigs.add(sm);
    }
    m.put("signatures", sigs);
    m.put("registeredAt", Canonical.time(r.registeredAt()));
    m.put("registeredBy", r.registeredBy());
    m.put("registeredByName", r.registeredByName());
    m.put("moneyJustification", blankToNull(r.moneyJustification()));
    return Canonical.json(m);
  }

  public static String recordHash(String prevHash, String canonicalRecord) {
    return Secrets.sha256(prevHash + canonicalRecord);
  }

  /** The content as a nested object (the record embeds it rather than a string of it). */
  private static Object content(Content c) {
    return new RawJson(canonicalContent(c));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** Already-canonical JSON embedded as is. */
  record RawJson(String json) {}
}
