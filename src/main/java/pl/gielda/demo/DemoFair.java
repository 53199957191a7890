package pl.gielda.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import pl.gielda.auth.AuthService;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Organiser;
import pl.gielda.auth.PasswordHasher;
import pl.gielda.auth.Role;
import pl.gielda.common.Secrets;
import pl.gielda.fair.Fair;
import pl.gielda.fair.FairDtos.FairInput;
import pl.gielda.fair.FairService;
import pl.gielda.fair.Phase;
import pl.gielda.participant.Links;
import pl.gielda.participant.ParticipantDtos.EntityInput;
import pl.gielda.participant.ParticipantDtos.PersonInput;
import pl.gielda.participant.ParticipantService;
import pl.gielda.participant.Person;
import pl.gielda.participant.Sector;

/**
 * A Polish demo fair for the run command: a live fair in Tczew with entities of every sector,
 * people with badges, a notary, a help desk and a big-screen link. Seeded once; later starts reuse
 * it. The demo organiser's password is random, kept in the data folder, never a default.
 */
@ApplicationScoped
public class DemoFair {

  private static final Logger LOG = Logger.getLogger(DemoFair.class);
  static final String EMAIL = "demo@gielda.local";
  static final String NAME = "Giełda Zasobów Powiatu Tczewskiego (demo)";

  public record Links(
      String fairName,
      String joinCode,
      String participantBadge,
      String notaryBadge,
      String animatorBadge,
      String screen,
      String organiserEmail,
      String organiserPassword) {}

  private final AuthService auth;
  private final FairService fairs;
  private final ParticipantService participants;
  private final pl.gielda.participant.Links links;
  private final DemoPosts posts;

  DemoFair(
      AuthService auth,
      FairService fairs,
      ParticipantService participants,
      pl.gielda.participant.Links links,
      DemoPosts posts) {
    this.auth = auth;
    this.fairs = fairs;
    this.participants = participants;
    this.links = links;
    this.posts = posts;
  }

  public Uni<Links> seed() {
    String password = password();
    return Panache.withSession(() -> Organiser.findByEmail(EMAIL))
        .chain(
            o ->
                o != null
                    ? Uni.createFrom().item(o)
                    : auth.createOrganiser(
                        EMAIL, "Organizator demo", PasswordHasher.hash(password)))
        .chain(
            o ->
                Panache.withSession(
                        () ->
                            Fair.<Fair>find("ownerId = ?1 and name = ?2", o.id, NAME).firstResult())
                    .chain(f -> f != null ? Uni.createFrom().item(f.id) : create(o)))
        .chain(fairId -> links(fairId, password));
  }

  private Uni<Long> create(Organiser o) {
    Caller organiser = new Caller(Caller.Kind.ORGANISER, o.id, null, Set.of(Role.ORGANISER), 0);
    ZoneId zone = ZoneId.of(Fair.TIME_ZONE);
    ZonedDateTime start = ZonedDateTime.of(LocalDate.now(zone), LocalTime.of(10, 0), zone);
    LOG.info("Seeding the demo fair");
    return fairs
        .create(
            organiser,
            new FairInput(
                NAME,
                "Centrum Wystawienniczo-Regionalne, Tczew, ul. Łazienna 2",
                start.toInstant(),
                start.plusHours(2).toInstant(),
                List.of()))
        .chain(
            fair ->
                fairs.changePhase(organiser, fair.id(), Phase.REGISTRATION).replaceWith(fair.id()))
        .call(fairId -> people(organiser, fairId))
        .call(fairId -> fairs.changePhase(organiser, fairId, Phase.LIVE))
        .call(fairId -> participants.createScreenLink(organiser, fairId))
        .call(fairId -> posts.seed(fairId));
  }

  private Uni<Void> people(Caller organiser, long fairId) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (String[] row : DemoData.ENTITIES) {
      chain =
          chain.chain(
              () ->
                  participants
                      .createEntity(
                          organiser,
                          fairId,
                          new EntityInput(row[0], Sector.valueOf(row[1]), row[2], row[3]))
                      .chain(
                          e ->
                              participants.createPerson(
                                  organiser,
                                  fairId,
                                  new PersonInput(row[4], e.id(), Set.of(row[5]))))
                      .replaceWithVoid());
    }
    return chain;
  }

  private Uni<Links> links(long fairId, String password) {
    return Panache.withSession(
        () ->
            Fair.require(fairId)
                .chain(
                    fair ->
                        Person.ofFair(fairId)
                            .chain(
                                people ->
                                    pl.gielda.participant.ScreenLink
                                        .<pl.gielda.participant.ScreenLink>find("fairId", fairId)
                                        .firstResult()
                                        .map(
                                            screen ->
                                                new Links(
                                                    fair.name,
                                                    fair.joinCode,
                                                    links.signIn(
                                                        first(people, Role.PARTICIPANT)
                                                            .signInSecret),
                                                    links.signIn(
                                                        first(people, Role.NOTARY).signInSecret),
                                                    links.signIn(
                                                        first(people, Role.ANIMATOR).signInSecret),
                                                    screen == null
                                                        ? "-"
                                                        : links.screen(screen.token),
                                                    EMAIL,
                                                    password)))));
  }

  private static Person first(List<Person> people, Role role) {
    return people.stream()
        .filter(p -> p.roleSet().equals(EnumSet.of(role)))
        .findFirst()
        .orElse(people.get(0));
  }

  private static String password() {
    Path file =
        Path.of(System.getProperty("gielda.data-dir", "data"), "demo-organiser-password.txt");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      String password = Secrets.token().substring(0, 16);
      Files.createDirectories(file.getParent());
      Files.writeString(file, password);
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
