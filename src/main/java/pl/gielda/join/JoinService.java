package pl.gielda.join;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import pl.gielda.auth.Role;
import pl.gielda.auth.TokenIssuer;
import pl.gielda.common.error.ApiException;
import pl.gielda.fair.Fair;
import pl.gielda.fair.Phase;
import pl.gielda.join.JoinDtos.JoinInput;
import pl.gielda.join.JoinDtos.JoinView;
import pl.gielda.join.JoinDtos.PublicEntityView;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.ParticipantService;
import pl.gielda.participant.Person;
import pl.gielda.participant.Sector;

/** Self-join with the fair's code while it is in REGISTRATION or LIVE. */
@ApplicationScoped
public class JoinService {

  private final ParticipantService participants;
  private final TokenIssuer tokens;

  JoinService(ParticipantService participants, TokenIssuer tokens) {
    this.participants = participants;
    this.tokens = tokens;
  }

  /**
   * Entities a newcomer may join while the fair is open. Individuals are left out: a resident's
   * name is not shown to anyone holding the join code.
   */
  @WithSession
  public Uni<List<PublicEntityView>> joinableEntities(String joinCode) {
    return Fair.findByJoinCode(joinCode)
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.notFound("A fair with this code"))
        .invoke(Fair::requireOpen)
        .chain(fair -> Organisation.ofFair(fair.id))
        .map(
            list ->
                list.stream()
                    .filter(e -> e.sector != Sector.INDIVIDUAL)
                    .map(e -> new PublicEntityView(e.id, e.name, e.sector))
                    .toList());
  }

  @WithTransaction
  public Uni<JoinView> join(JoinInput input) {
    return Fair.findByJoinCode(input.joinCode())
        .onItem()
        .ifNull()
        .failWith(() -> ApiException.invalid("joinCode", "no fair has this code"))
        .chain(
            fair -> {
              fair.requireOpen();
              Uni<Organisation> entity =
                  input.newEntity() != null
                      ? participants.existingOrNew(fair.id, input.newEntity())
                      : participants.entityFor(fair.id, input.entityId(), input.displayName());
              return entity.chain(
                  e ->
                      participants
                          .newPerson(fair.id, e, input.displayName(), EnumSet.of(Role.PARTICIPANT))
                          .chain(p -> presentIfLive(fair, p)));
            })
        .map(
            p -> {
              var token = tokens.person(p.id, p.fairId, p.roleSet(), p.badgeVersion, p.displayName);
              return new JoinView(token.token(), token.expiresAt(), p.badgeToken, p.fairId, p.id);
            });
  }

  private Uni<Person> presentIfLive(Fair fair, Person p) {
    return fair.phase == Phase.LIVE ? participants.markPresent(p) : Uni.createFrom().item(p);
  }
}
