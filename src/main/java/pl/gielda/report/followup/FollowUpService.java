package pl.gielda.report.followup;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Organiser;
import pl.gielda.auth.Role;
import pl.gielda.common.error.ApiException;
import pl.gielda.contract.Contract;
import pl.gielda.contract.ContractParty;
import pl.gielda.contract.ContractStatus;
import pl.gielda.eventlog.EventLog;
import pl.gielda.fair.Fair;
import pl.gielda.participant.Person;
import pl.gielda.participant.Sector;
import pl.gielda.report.export.ExportTables;
import pl.gielda.report.followup.FollowUpDtos.Balance;
import pl.gielda.report.followup.FollowUpDtos.BalanceView;
import pl.gielda.report.followup.FollowUpDtos.EntityBalance;
import pl.gielda.report.followup.FollowUpDtos.FollowUpInput;
import pl.gielda.report.followup.FollowUpDtos.FollowUpView;
import pl.gielda.report.followup.FollowUpDtos.SectorBalance;
import pl.gielda.report.followup.FollowUpDtos.StaleContract;

/**
 * After the fair: what became of each registered contract. A person of a party entity or the
 * organiser records a status with a date and a note; entries are kept as a history and each is an
 * event in the fair's log ({@code contract.followUp}, without the note), so the tallies' delivered
 * figures fold from the log too. Allowed in any phase once the contract is registered, CLOSED
 * included.
 */
@ApplicationScoped
public class FollowUpService {

  private final AccessGuard guard;
  private final EventLog log;
  private final Pool pool;

  FollowUpService(AccessGuard guard, EventLog log, Pool pool) {
    this.guard = guard;
    this.log = log;
    this.pool = pool;
  }

  @WithTransaction
  public Uni<FollowUpView> record(
      Caller caller, long fairId, long contractId, FollowUpInput input) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.PARTICIPANT, Role.ANIMATOR)
        .chain(() -> registered(fairId, contractId))
        .chain(
            contract ->
                author(caller, fairId, contractId).chain(who -> write(contract, who, input)));
  }

  private record Author(String principal, String name, Long personId, Long entityId) {}

  private Uni<FollowUpView> write(Contract contract, Author who, FollowUpInput input) {
    return FollowUp.count("contractId", contract.id)
        .map(n -> (int) (n + 1))
        .call(
            version ->
                log.append(contract.fairId, "contract.followUp", event(contract, version, input)))
        .chain(
            version -> {
              FollowUp f = new FollowUp();
              f.fairId = contract.fairId;
              f.contractId = contract.id;
              f.version = version;
              f.status = input.status();
              f.statusDate =
                  input.date() != null ? input.date() : LocalDate.now(ZoneId.of(Fair.TIME_ZONE));
              f.note = input.note() == null || input.note().isBlank() ? null : input.note().trim();
              f.setBy = who.principal();
              f.setByName = who.name();
              f.personId = who.personId();
              f.entityId = who.entityId();
              f.createdAt = Instant.now();
              return f.<FollowUp>persist();
            })
        .map(FollowUpService::view);
  }

  /** Without the note: the board goes to everyone in the fair. */
  private static Map<String, Object> event(Contract contract, int version, FollowUpInput input) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("contractId", contract.id);
    event.put("number", contract.number);
    event.put("version", version);
    event.put("status", input.status().name());
    return event;
  }

  /** The organiser, or a person of one of the contract's party entities. */
  private static Uni<Author> author(Caller caller, long fairId, long contractId) {
    if (caller.kind() == Caller.Kind.ORGANISER) {
      return Organiser.<Organiser>findById(caller.id())
          .map(o -> new Author(caller.principal(), o.displayName, null, null));
    }
    return Person.inFair(fairId, caller.id())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.unauthorized("Unknown person"))
        .chain(
            p ->
                ContractParty.count("contractId = ?1 and entityId = ?2", contractId, p.entityId)
                    .map(
                        n -> {
                          if (n == 0) {
                            throw ApiException.forbidden(
                                "Only the contract's parties or the organiser report on it");
                          }
                          return new Author(caller.principal(), p.displayName, p.id, p.entityId);
                        }));
  }

  /** Locked until commit: a contract's entries are numbered one at a time. */
  private static Uni<Contract> registered(long fairId, long contractId) {
    return Contract.<Contract>findById(contractId, LockModeType.PESSIMISTIC_WRITE)
        .map(
            c -> {
              if (c == null || c.fairId != fairId) {
                throw ApiException.notFound("Contract " + contractId);
              }
              if (c.status != ContractStatus.REGISTERED) {
                throw ApiException.conflict(
                    "not-registered", "Follow-up is for registered contracts only");
              }
              return c;
            });
  }

  /** The contract's history, newest first: for its parties and the organiser. */
  public Uni<List<FollowUpView>> history(Caller caller, long fairId, long contractId) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER, Role.PARTICIPANT, Role.ANIMATOR, Role.NOTARY)
        .chain(c -> mayRead(c, fairId, contractId))
        .chain(
            () ->
                pool.preparedQuery(
                        "select id, contract_id, version, status, status_date, note, set_by_name,"
                            + " person_id, entity_id, created_at from contract_follow_up"
                            + " where fair_id = $1 and contract_id = $2 order by version desc")
                    .execute(Tuple.of(fairId, contractId)))
        .map(
            rows -> {
              List<FollowUpView> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new FollowUpView(
                        r.getLong("id"),
                        r.getLong("contract_id"),
                        r.getInteger("version"),
                        FollowUp.Status.valueOf(r.getString("status")),
                        ExportTables.followUpPl(r.getString("status")),
                        r.getLocalDate("status_date"),
                        r.getString("note"),
                        r.getString("set_by_name"),
                        r.getLong("person_id"),
                        r.getLong("entity_id"),
                        instant(r, "created_at")));
              }
              return out;
            });
  }

  private Uni<Void> mayRead(Caller c, long fairId, long contractId) {
    String sql =
        c.kind() == Caller.Kind.ORGANISER || c.has(Role.NOTARY)
            ? "select 1 from contract where id = $1 and fair_id = $2"
            : "select 1 from contract_party cp join person p on p.entity_id = cp.entity_id"
                + " join contract k on k.id = cp.contract_id"
                + " where cp.contract_id = $1 and k.fair_id = $2 and p.id = $3";
    Tuple args =
        c.kind() == Caller.Kind.ORGANISER || c.has(Role.NOTARY)
            ? Tuple.of(contractId, fairId)
            : Tuple.of(contractId, fairId, c.id());
    return pool.preparedQuery(sql)
        .execute(args)
        .map(
            rows -> {
              if (rows.size() == 0) {
                throw ApiException.forbidden(
                    "Only the contract's parties, the notary or the organiser see its follow-up");
              }
              return null;
            });
  }

  static final String STALE =
      "select c.id, c.number, c.title, c.registered_at, f.status, f.created_at as last_at,"
          + " array(select p.entity_name from contract_party p where p.contract_id = c.id"
          + " order by p.position) as parties,"
          + " coalesce(f.created_at, c.registered_at) as updated"
          + " from contract c left join lateral (select status, created_at from contract_follow_up u"
          + " where u.contract_id = c.id order by version desc limit 1) f on true"
          + " where c.fair_id = $1 and c.status = 'REGISTERED'"
          + " and coalesce(f.created_at, c.registered_at) <= now() - make_interval(days => $2)"
          + " and (f.status is null or f.status not in ('DELIVERED', 'NOT_FEASIBLE'))"
          + " order by updated, c.number";

  /**
   * Registered contracts not yet settled (delivered or not feasible) whose last news — the last
   * follow-up, or the registration — is at least {@code days} old: the organiser's call list.
   */
  public Uni<List<StaleContract>> stale(Caller caller, long fairId, int days) {
    Instant now = Instant.now();
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> pool.preparedQuery(STALE).execute(Tuple.of(fairId, days)))
        .map(
            rows -> {
              List<StaleContract> out = new ArrayList<>();
              for (Row r : rows) {
                Instant updated = instant(r, "updated");
                String status = r.getString("status");
                out.add(
                    new StaleContract(
                        r.getLong("id"),
                        r.getInteger("number"),
                        r.getString("title"),
                        Arrays.asList(r.getArrayOfStrings("parties")),
                        instant(r, "registered_at"),
                        status == null ? null : FollowUp.Status.valueOf(status),
                        status == null ? null : instant(r, "last_at"),
                        Duration.between(updated, now).toDays()));
              }
              return out;
            });
  }

  static final String BALANCE =
      "with reg as (select c.id from contract c where c.fair_id = $1 and c.status = 'REGISTERED'"
          + " and (not $2 or (select u.status from contract_follow_up u where u.contract_id = c.id"
          + " order by u.version desc limit 1) = 'DELIVERED')),"
          + " given as (select from_entity_id as eid, count(*) as n, sum(value_pln) as v,"
          + " sum(hours) as h from contract_item where contract_id in (select id from reg)"
          + " group by 1),"
          + " received as (select to_entity_id as eid, count(*) as n, sum(value_pln) as v,"
          + " sum(hours) as h from contract_item where contract_id in (select id from reg)"
          + " group by 1)"
          + " select e.id, e.name, e.sector,"
          + " coalesce(given.n, 0) as gn, coalesce(given.v, 0) as gv, coalesce(given.h, 0) as gh,"
          + " coalesce(received.n, 0) as rn, coalesce(received.v, 0) as rv,"
          + " coalesce(received.h, 0) as rh"
          + " from entity e left join given on given.eid = e.id"
          + " left join received on received.eid = e.id where e.fair_id = $1 order by e.id";

  /** Value given vs received per entity and per sector. */
  public Uni<BalanceView> balance(Caller caller, long fairId, boolean deliveredOnly) {
    return guard
        .inFair(caller, fairId, Role.ORGANISER)
        .chain(() -> pool.preparedQuery(BALANCE).execute(Tuple.of(fairId, deliveredOnly)))
        .map(
            rows -> {
              List<EntityBalance> entities = new ArrayList<>();
              Map<Sector, long[]> counts = new EnumMap<>(Sector.class);
              Map<Sector, BigDecimal[]> sums = new EnumMap<>(Sector.class);
              for (Sector s : Sector.values()) {
                counts.put(s, new long[2]);
                sums.put(
                    s,
                    new BigDecimal[] {
                      BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO
                    });
              }
              for (Row r : rows) {
                Sector sector = Sector.valueOf(r.getString("sector"));
                long gn = r.getLong("gn");
                long rn = r.getLong("rn");
                BigDecimal[] v = {dec(r, "gv"), dec(r, "gh"), dec(r, "rv"), dec(r, "rh")};
                entities.add(
                    new EntityBalance(
                        r.getLong("id"), r.getString("name"), sector, balance(gn, rn, v)));
                counts.get(sector)[0] += gn;
                counts.get(sector)[1] += rn;
                BigDecimal[] acc = sums.get(sector);
                for (int i = 0; i < 4; i++) {
                  acc[i] = acc[i].add(v[i]);
                }
              }
              List<SectorBalance> sectors = new ArrayList<>();
              for (Sector s : Sector.values()) {
                sectors.add(
                    new SectorBalance(s, balance(counts.get(s)[0], counts.get(s)[1], sums.get(s))));
              }
              return new BalanceView(fairId, deliveredOnly, entities, sectors);
            });
  }

  private static Balance balance(long given, long received, BigDecimal[] v) {
    return new Balance(
        given,
        money(v[0]),
        money(v[1]),
        received,
        money(v[2]),
        money(v[3]),
        money(v[0].subtract(v[2])));
  }

  private static BigDecimal money(BigDecimal v) {
    return v.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static BigDecimal dec(Row r, String column) {
    Object v = r.getValue(column);
    return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.toInstant();
  }

  static FollowUpView view(FollowUp f) {
    return new FollowUpView(
        f.id,
        f.contractId,
        f.version,
        f.status,
        ExportTables.followUpPl(f.status.name()),
        f.statusDate,
        f.note,
        f.setByName,
        f.personId,
        f.entityId,
        f.createdAt);
  }
}
