package pl.gielda.participant;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Set;
import pl.gielda.audit.AuditAction;
import pl.gielda.audit.AuditTrail;
import pl.gielda.auth.AccessGuard;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.auth.RoleRules;
import pl.gielda.auth.RoleRules.Act;
import pl.gielda.common.Secrets;
import pl.gielda.participant.ParticipantDtos.BadgeView;
import pl.gielda.participant.ParticipantDtos.PersonView;

/**
 * What the organiser and the help desk do to a person's badge and roles: grant roles, reissue the
 * sign-in secret, release the bound phone. Who may do which to whom is {@link RoleRules}; each act
 * is on the audit trail in its own transaction, and revokes the person's tokens at once.
 */
@ApplicationScoped
public class BadgeDesk {

  private final AccessGuard guard;
  private final ParticipantService participants;
  private final Links links;
  private final AuditTrail audit;

  BadgeDesk(AccessGuard guard, ParticipantService participants, Links links, AuditTrail audit) {
    this.guard = guard;
    this.participants = participants;
    this.links = links;
    this.audit = audit;
  }

  @WithTransaction
  public Uni<PersonView> changeRoles(
      Caller caller, long fairId, long personId, Set<String> requested) {
    EnumSet<Role> roles = ParticipantService.parseRoles(requested);
    return guard
        .inFair(caller, fairId, RoleRules.actors(Act.GRANT_ROLES))
        .chain(() -> participants.requirePerson(fairId, personId))
        .chain(
            p -> {
              EnumSet<Role> before = p.roleSet();
              EnumSet<Role> both = EnumSet.copyOf(before);
              both.addAll(roles);
              RoleRules.require(caller, Act.GRANT_ROLES, both);
              p.roles = Role.join(roles);
              // New roles need a new token: bump the version so the old token stops working.
              p.badgeVersion++;
              return participants
                  .badgeChanged(p)
                  .call(() -> participants.auditGrant(caller, p, before))
                  .chain(() -> Organisation.<Organisation>findById(p.entityId))
                  .map(e -> participants.view(p, e, true));
            });
  }

  /**
   * A new sign-in secret (a lost or photographed tear-off): the old secret, its phone and its
   * tokens stop working; the partner code stays (it is public anyway).
   */
  @WithTransaction
  public Uni<BadgeView> reissueBadge(Caller caller, long fairId, long personId) {
    return guard
        .inFair(caller, fairId, RoleRules.actors(Act.REISSUE_BADGE))
        .chain(() -> participants.requirePerson(fairId, personId))
        .chain(
            p -> {
              RoleRules.require(caller, Act.REISSUE_BADGE, p.roleSet());
              p.signInSecret = Secrets.token();
              p.legacyBadge = false;
              boolean hadPhone = unbind(p);
              p.badgeVersion++;
              return participants
                  .badgeChanged(p)
                  .call(
                      () ->
                          audit.record(
                              caller,
                              fairId,
                              AuditAction.BADGE_REISSUED
                                  .on("person", p.id)
                                  .with("phoneReleased", hadPhone)))
                  .map(
                      seq ->
                          new BadgeView(
                              p.id, p.partnerCode, p.signInSecret, links.signIn(p.signInSecret)));
            });
  }

  /**
   * Lost phone, dead battery: the secret the person holds works again on the next phone that uses
   * it, and the released phone's tokens stop working.
   */
  @WithTransaction
  public Uni<PersonView> releasePhone(Caller caller, long fairId, long personId) {
    return guard
        .inFair(caller, fairId, RoleRules.actors(Act.RELEASE_PHONE))
        .chain(() -> participants.requirePerson(fairId, personId))
        .chain(
            p -> {
              RoleRules.require(caller, Act.RELEASE_PHONE, p.roleSet());
              boolean hadPhone = unbind(p);
              p.badgeVersion++;
              return participants
                  .badgeChanged(p)
                  .call(
                      () ->
                          audit.record(
                              caller,
                              fairId,
                              AuditAction.PHONE_RELEASED
                                  .on("person", p.id)
                                  .with("wasBound", hadPhone)))
                  .chain(() -> Organisation.<Organisation>findById(p.entityId))
                  .map(e -> participants.view(p, e, false));
            });
  }

  private static boolean unbind(Person p) {
    boolean bound = p.deviceKeyHash != null;
    p.deviceKeyHash = null;
    p.deviceBoundAt = null;
    return bound;
  }
}
