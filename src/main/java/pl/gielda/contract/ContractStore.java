package pl.gielda.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import pl.gielda.common.error.ApiException;
import pl.gielda.contract.ContractDtos.ItemInput;
import pl.gielda.contract.ContractDtos.PartyRef;
import pl.gielda.contract.chain.Canonical;
import pl.gielda.contract.chain.ContractRecord;
import pl.gielda.contract.money.MoneyChecker;
import pl.gielda.contract.money.MoneyFinding;
import pl.gielda.fair.Category;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.Person;
import pl.gielda.post.Post;

/**
 * Reads and writes a contract with its parties, items and signatures in the current session, and
 * turns client input into checked content. Shared by the parties' and the notary's services.
 */
@ApplicationScoped
class ContractStore {

  private static final TypeReference<List<MoneyFinding>> FINDINGS = new TypeReference<>() {};

  /** A contract and its rows, parties and items in position order. */
  record Aggregate(
      Contract contract,
      List<ContractParty> parties,
      List<ContractItem> items,
      List<ContractSignature> signatures) {

    boolean hasParty(long entityId) {
      return parties.stream().anyMatch(p -> p.entityId == entityId);
    }

    List<Long> partyIds() {
      return parties.stream().map(p -> p.entityId).toList();
    }

    List<Long> signedIds() {
      return signatures.stream().map(s -> s.entityId).sorted().toList();
    }

    boolean fullySigned() {
      return signatures.stream()
          .map(s -> s.entityId)
          .collect(Collectors.toSet())
          .containsAll(partyIds());
    }
  }

  /** Checked content, ready to be written: parties in order, items with resolved entities. */
  record Draft(
      List<Organisation> parties,
      List<ResolvedItem> items,
      List<Long> postIds,
      String title,
      String notes,
      boolean fromBadge) {}

  record ResolvedItem(long from, long to, ItemInput input) {}

  private final ObjectMapper json;
  private final MoneyChecker money = new MoneyChecker();

  ContractStore(ObjectMapper json) {
    this.json = json;
  }

  // ---- reading

  /** Loads the contract for a change, holding its row lock until the transaction ends. */
  Uni<Aggregate> lock(long fairId, long contractId) {
    return Contract.<Contract>findById(contractId, LockModeType.PESSIMISTIC_WRITE)
        .chain(c -> children(require(c, fairId, contractId)));
  }

  Uni<Aggregate> load(long fairId, long contractId) {
    return Contract.<Contract>findById(contractId)
        .chain(c -> children(require(c, fairId, contractId)));
  }

  private static Contract require(Contract c, long fairId, long contractId) {
    if (c == null || c.fairId != fairId) {
      throw ApiException.notFound("Contract " + contractId);
    }
    return c;
  }

  Uni<Aggregate> children(Contract c) {
    return ContractParty.<ContractParty>list("contractId = ?1 order by position", c.id)
        .chain(
            parties ->
                ContractItem.<ContractItem>list("contractId = ?1 order by position", c.id)
                    .chain(
                        items ->
                            ContractSignature.<ContractSignature>list(
                                    "contractId = ?1 order by entityId", c.id)
                                .map(sigs -> new Aggregate(c, parties, items, sigs))));
  }

  /** Loads many contracts' rows in three queries (for lists and the queue). */
  Uni<List<Aggregate>> children(List<Contract> contracts) {
    if (contracts.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Long> ids = contracts.stream().map(c -> c.id).toList();
    return ContractParty.<ContractParty>list("contractId in ?1 order by position", ids)
        .chain(
            parties ->
                ContractItem.<ContractItem>list("contractId in ?1 order by position", ids)
                    .chain(
                        items ->
                            ContractSignature.<ContractSignature>list(
                                    "contractId in ?1 order by entityId", ids)
                                .map(
                                    sigs -> {
                                      var p = group(parties, x -> x.contractId);
                                      var i = group(items, x -> x.contractId);
                                      var s = group(sigs, x -> x.contractId);
                                      return contracts.stream()
                                          .map(
                                              c ->
                                                  new Aggregate(
                                                      c,
                                                      p.getOrDefault(c.id, List.of()),
                                                      i.getOrDefault(c.id, List.of()),
                                                      s.getOrDefault(c.id, List.of())))
                                          .toList();
                                    })));
  }

  private static <T> Map<Long, List<T>> group(
      List<T> rows, java.util.function.Function<T, Long> key) {
    Map<Long, List<T>> by = new LinkedHashMap<>();
    rows.forEach(r -> by.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
    return by;
  }

  // ---- checking input

  /**
   * Resolves party references to entities of this fair (first the given entity, if any), then
   * checks items, categories and posts against them.
   */
  Uni<Draft> draft(
      long fairId,
      Long firstEntity,
      List<PartyRef> refs,
      String refsField,
      List<ItemInput> items,
      List<Long> postIds,
      String title,
      String notes) {
    boolean fromBadge = refs.stream().anyMatch(r -> r.partnerCode() != null);
    Uni<List<Long>> ids = Uni.createFrom().item(new ArrayList<>());
    if (firstEntity != null) {
      ids = ids.invoke(list -> list.add(firstEntity));
    }
    for (int i = 0; i < refs.size(); i++) {
      PartyRef ref = refs.get(i);
      String field = refsField + "[" + i + "]";
      ids =
          ids.chain(
              list ->
                  entityOf(fairId, ref, field)
                      .map(
                          id -> {
                            if (list.contains(id)) {
                              if (firstEntity != null && id.equals(firstEntity)) {
                                throw ApiException.invalid(
                                    field, "is your own entity; name the other parties");
                              }
                              throw ApiException.invalid(field, "names a party twice");
                            }
                            list.add(id);
                            return list;
                          }));
    }
    return ids.chain(
            list -> {
              if (list.size() < 2) {
                throw ApiException.invalid(refsField, "a contract needs at least two entities");
              }
              if (list.size() > ContractDtos.MAX_PARTIES) {
                throw ApiException.invalid(
                    refsField, "at most " + ContractDtos.MAX_PARTIES + " parties");
              }
              return Organisation.<Organisation>list("fairId = ?1 and id in ?2", fairId, list)
                  .map(
                      found -> {
                        Map<Long, Organisation> byId =
                            found.stream().collect(Collectors.toMap(o -> o.id, o -> o));
                        List<Organisation> ordered = new ArrayList<>();
                        for (Long id : list) {
                          Organisation o = byId.get(id);
                          if (o == null) {
                            throw ApiException.invalid(
                                refsField, "entity " + id + " is not in this fair");
                          }
                          ordered.add(o);
                        }
                        return ordered;
                      });
            })
        .chain(
            parties -> {
              List<ResolvedItem> resolved = resolveItems(parties, items);
              List<Long> posts =
                  postIds == null ? List.of() : postIds.stream().distinct().sorted().toList();
              return requireCategories(fairId, items)
                  .chain(() -> requirePosts(fairId, posts, parties))
                  .replaceWith(
                      new Draft(
                          parties,
                          resolved,
                          posts,
                          trimToNull(title),
                          trimToNull(notes),
                          fromBadge));
            });
  }

  private static Uni<Long> entityOf(long fairId, PartyRef ref, String field) {
    int given =
        (ref.entityId() != null ? 1 : 0)
            + (ref.personId() != null ? 1 : 0)
            + (ref.partnerCode() != null ? 1 : 0);
    if (given != 1) {
      return Uni.createFrom()
          .failure(
              ApiException.invalid(field, "give exactly one of entityId, personId, partnerCode"));
    }
    if (ref.entityId() != null) {
      return Uni.createFrom().item(ref.entityId());
    }
    Uni<Person> person =
        ref.personId() != null
            ? Person.inFair(fairId, ref.personId())
            : Person.byPartnerCode(fairId, ref.partnerCode());
    return person.map(
        p -> {
          if (p == null) {
            throw ApiException.invalid(
                field, ref.personId() != null ? "no such person in this fair" : "unknown badge");
          }
          return p.entityId;
        });
  }

  private static List<ResolvedItem> resolveItems(
      List<Organisation> parties, List<ItemInput> items) {
    List<Long> ids = parties.stream().map(o -> o.id).toList();
    List<ResolvedItem> resolved = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ItemInput in = items.get(i);
      String field = "items[" + i + "]";
      long from = side(ids, in.fromEntityId(), in.fromParty(), field + ".from");
      long to = side(ids, in.toEntityId(), in.toParty(), field + ".to");
      if (from == to) {
        throw ApiException.invalid(field, "an entity cannot give to itself");
      }
      resolved.add(new ResolvedItem(from, to, in));
    }
    return resolved;
  }

  private static long side(List<Long> parties, Long entityId, Integer index, String field) {
    if ((entityId == null) == (index == null)) {
      throw ApiException.invalid(field, "give exactly one of the entity id or the party position");
    }
    if (entityId != null) {
      if (!parties.contains(entityId)) {
        throw ApiException.invalid(field + "EntityId", "is not a party of this contract");
      }
      return entityId;
    }
    if (index >= parties.size()) {
      throw ApiException.invalid(field + "Party", "there is no party at position " + index);
    }
    return parties.get(index);
  }

  private static Uni<Void> requireCategories(long fairId, List<ItemInput> items) {
    Set<String> codes = items.stream().map(i -> i.category().trim()).collect(Collectors.toSet());
    return Category.<Category>list("fairId = ?1 and code in ?2", fairId, codes)
        .map(
            found -> {
              Set<String> known = found.stream().map(c -> c.code).collect(Collectors.toSet());
              for (int i = 0; i < items.size(); i++) {
                if (!known.contains(items.get(i).category().trim())) {
                  throw ApiException.invalid(
                      "items[" + i + "].category", "unknown category " + items.get(i).category());
                }
              }
              return null;
            });
  }

  private static Uni<Void> requirePosts(
      long fairId, List<Long> postIds, List<Organisation> parties) {
    if (postIds.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Set<Long> partyIds = parties.stream().map(o -> o.id).collect(Collectors.toSet());
    return Post.<Post>list("fairId = ?1 and id in ?2", fairId, postIds)
        .map(
            found -> {
              Set<Long> ok =
                  found.stream()
                      .filter(p -> partyIds.contains(p.entityId))
                      .map(p -> p.id)
                      .collect(Collectors.toSet());
              for (Long id : postIds) {
                if (!ok.contains(id)) {
                  throw ApiException.invalid("postIds", "post " + id + " is not a party's post");
                }
              }
              return null;
            });
  }

  // ---- writing

  /**
   * Replaces the contract's parties, items and text with the draft, re-runs the money check and
   * stores the new content hash. The contract must already have its id.
   */
  Uni<Aggregate> writeContent(Contract c, Draft d, boolean replacing) {
    Uni<Void> clear =
        replacing
            ? ContractItem.delete("contractId", c.id)
                .chain(() -> ContractParty.delete("contractId", c.id))
                .chain(() -> ContractSignature.delete("contractId", c.id))
                .replaceWithVoid()
            : Uni.createFrom().voidItem();
    return clear.chain(
        () -> {
          c.title = d.title();
          c.notes = d.notes();
          c.postIds =
              d.postIds().isEmpty()
                  ? null
                  : d.postIds().stream().map(String::valueOf).collect(Collectors.joining(","));
          List<ContractParty> parties = new ArrayList<>();
          for (int i = 0; i < d.parties().size(); i++) {
            Organisation o = d.parties().get(i);
            ContractParty p = new ContractParty();
            p.contractId = c.id;
            p.entityId = o.id;
            p.position = i;
            p.entityName = o.name;
            p.sector = o.sector;
            parties.add(p);
          }
          List<ContractItem> items = new ArrayList<>();
          for (int i = 0; i < d.items().size(); i++) {
            ResolvedItem r = d.items().get(i);
            ContractItem item = new ContractItem();
            item.contractId = c.id;
            item.position = i;
            item.fromEntityId = r.from();
            item.toEntityId = r.to();
            item.category = r.input().category().trim();
            item.description = r.input().description().trim();
            item.quantity = trimToNull(r.input().quantity());
            item.whenText = trimToNull(r.input().when());
            item.valuePln = scaled(r.input().valuePln());
            item.hours = scaled(r.input().hours());
            items.add(item);
          }
          Aggregate a = new Aggregate(c, parties, items, List.of());
          checkMoney(a);
          c.contentHash = ContractRecord.contentHash(content(a));
          List<Object> rows = new ArrayList<>(parties);
          rows.addAll(items);
          return Contract.persist(rows).replaceWith(a);
        });
  }

  private void checkMoney(Aggregate a) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", a.contract().title);
    fields.put("notes", a.contract().notes);
    for (int i = 0; i < a.items().size(); i++) {
      ContractItem item = a.items().get(i);
      fields.put("items[" + i + "].description", item.description);
      fields.put("items[" + i + "].quantity", item.quantity);
      fields.put("items[" + i + "].when", item.whenText);
    }
    List<MoneyFinding> findings = money.check(fields);
    a.contract().moneyFlagged = !findings.isEmpty();
    a.contract().moneyFindings = findings.isEmpty() ? null : write(findings);
  }

  List<MoneyFinding> findings(Contract c) {
    if (c.moneyFindings == null) {
      return List.of();
    }
    try {
      return json.readValue(c.moneyFindings, FINDINGS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored money findings are unreadable", e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- canonical forms

  static ContractRecord.Content content(Aggregate a) {
    Contract c = a.contract();
    return new ContractRecord.Content(
        c.fairId,
        c.id,
        c.version,
        c.source.name(),
        c.title,
        c.notes,
        pl.gielda.contract.chain.ChainRows.postIds(c.postIds),
        a.parties().stream()
            .sorted(Comparator.comparingInt(p -> p.position))
            .map(p -> new ContractRecord.Party(p.entityId, p.entityName, p.sector.name()))
            .toList(),
        a.items().stream()
            .sorted(Comparator.comparingInt(i -> i.position))
            .map(
                i ->
                    new ContractRecord.Item(
                        i.fromEntityId,
                        i.toEntityId,
                        i.category,
                        i.description,
                        i.quantity,
                        i.whenText,
                        Canonical.decimal(i.valuePln),
                        Canonical.decimal(i.hours)))
            .toList());
  }

  static List<ContractRecord.Signature> signatures(Aggregate a) {
    return a.signatures().stream()
        .map(
            s ->
                new ContractRecord.Signature(
                    s.entityId,
                    s.personId,
                    s.personName,
                    s.method.name(),
                    s.onBehalfBy,
                    s.version,
                    s.contentHash,
                    s.signedAt))
        .toList();
  }

  static Set<Long> ids(List<Organisation> parties) {
    return parties.stream().map(o -> o.id).collect(Collectors.toCollection(HashSet::new));
  }

  private static java.math.BigDecimal scaled(java.math.BigDecimal v) {
    return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  static String trimToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
