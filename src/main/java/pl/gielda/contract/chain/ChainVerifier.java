package pl.gielda.contract.chain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import pl.gielda.contract.chain.ChainRows.Entry;
import pl.gielda.contract.chain.ChainRows.Head;
import pl.gielda.contract.chain.ContractRecord.Party;
import pl.gielda.contract.chain.ContractRecord.Signature;

/**
 * Checks a fair's registered contracts link by link: numbers 1..n without gaps, each content still
 * hashing to what the parties signed, each record hashing (with the previous link's hash) to its
 * stored hash, and the fair's counter row pointing at the last link.
 */
public final class ChainVerifier {

  /** The outcome; {@code firstBrokenNumber} and {@code reason} only when {@code valid} is false. */
  public record Verification(
      boolean valid, int count, String headHash, Integer firstBrokenNumber, String reason) {}

  private ChainVerifier() {}

  public static Verification verify(List<Entry> entries, Head head) {
    String prev = ContractRecord.GENESIS;
    int expected = 1;
    for (Entry e : entries) {
      if (e.number() != expected) {
        return broken(
            entries.size(), prev, expected, "contract number " + expected + " is missing");
      }
      if (!e.prevHash().equals(prev)) {
        return broken(
            entries.size(), prev, e.number(), "its link does not point to the previous contract");
      }
      String problem = check(e);
      if (problem != null) {
        return broken(entries.size(), prev, e.number(), problem);
      }
      prev = e.recordHash();
      expected++;
    }
    int count = entries.size();
    if (head.lastNumber() != count || !head.lastHash().equals(prev)) {
      int missing = Math.min(count, head.lastNumber()) + 1;
      return broken(
          count,
          prev,
          missing,
          "the fair registered "
              + head.lastNumber()
              + " contracts but "
              + count
              + " intact links end the chain");
    }
    return new Verification(true, count, count == 0 ? null : prev, null, null);
  }

  /**
   * Checks one registered contract on its own (from its stored previous hash); null when intact.
   */
  public static String check(Entry e) {
    if (!"REGISTERED".equals(e.status())) {
      return "its status is " + e.status();
    }
    String contentHash = ContractRecord.contentHash(e.content());
    if (!contentHash.equals(e.storedContentHash())) {
      return "its parties, items or text differ from what was signed";
    }
    Set<Long> parties = new HashSet<>();
    for (Party p : e.content().parties()) {
      parties.add(p.entityId());
    }
    Set<Long> signed = new HashSet<>();
    for (Signature s : e.signatures()) {
      if (!s.contentHash().equals(contentHash) || !parties.contains(s.entityId())) {
        return "a signature does not match its content";
      }
      signed.add(s.entityId());
    }
    if (!signed.equals(parties)) {
      return "not every party's signature is there";
    }
    String record =
        ContractRecord.canonicalRecord(e.content(), contentHash, e.signatures(), e.registration());
    if (!ContractRecord.recordHash(e.prevHash(), record).equals(e.recordHash())) {
      return "its registration record differs from the one that was hashed";
    }
    return null;
  }

  private static Verification broken(int count, String head, int number, String reason) {
    return new Verification(
        false,
        count,
        head.equals(ContractRecord.GENESIS) ? null : head,
        number,
        "Contract " + number + ": " + reason);
  }
}
