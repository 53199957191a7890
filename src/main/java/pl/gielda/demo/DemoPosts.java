package pl.gielda.demo;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import pl.gielda.auth.Caller;
import pl.gielda.auth.Role;
import pl.gielda.participant.Organisation;
import pl.gielda.participant.Person;
import pl.gielda.post.PostCreation;
import pl.gielda.post.PostDtos.PostInput;
import pl.gielda.post.PostKind;

/** Offers and requests of the demo fair, written as people type them. */
@ApplicationScoped
public class DemoPosts {

  /** entity, kind, category, title, description, quantity, availability, value PLN */
  static final String[][] POSTS = {
    {
      "Fundacja Aktywny Senior",
      "REQUEST",
      "ROOMS",
      "Sala na warsztaty dla seniorów",
      "Szukamy sali na 25 osób na cykl warsztatów pamięci.",
      "1 sala",
      "wtorki rano",
      "600"
    },
    {
      "Fundacja Aktywny Senior",
      "OFFER",
      "VOLUNTEERS",
      "Wolontariusze na festyn",
      "Nasi seniorzy chętnie pomogą przy obsłudze festynu.",
      "6 osób",
      "weekendy",
      "900"
    },
    {
      "Bank Spółdzielczy w Pelplinie",
      "OFFER",
      "ROOMS",
      "Sala konferencyjna w Pelplinie",
      "Udostępnimy salę na 40 osób z rzutnikiem.",
      "1 sala",
      "dni robocze po 16:00",
      "800"
    },
    {
      "Bank Spółdzielczy w Pelplinie",
      "REQUEST",
      "PROMOTION",
      "Promocja akcji edukacji finansowej",
      "Potrzebujemy pomocy w dotarciu do mieszkańców gmin.",
      "",
      "",
      "500"
    },
    {
      "Stowarzyszenie Kociewskie Forum",
      "OFFER",
      "PROMOTION",
      "Promocja w naszym newsletterze",
      "Newsletter do 2000 odbiorców z powiatu.",
      "2 wysyłki",
      "",
      "400"
    },
    {
      "Biblioteka Publiczna Gminy Pelplin",
      "OFFER",
      "ART_CLASSES",
      "Zajęcia plastyczne dla dzieci",
      "Prowadzimy zajęcia plastyczne, możemy przyjechać.",
      "3 spotkania",
      "soboty",
      "450"
    },
    {
      "Biblioteka Publiczna Gminy Pelplin",
      "REQUEST",
      "IT_SERVICES",
      "Pomoc przy stronie internetowej",
      "Strona biblioteki wymaga odświeżenia.",
      "",
      "",
      "1500"
    },
    {
      "ByteKociewie sp. z o.o.",
      "OFFER",
      "IT_SERVICES",
      "Serwis komputerów i strona www",
      "Przegląd sprzętu i prosta strona dla organizacji.",
      "10 godzin",
      "elastycznie",
      "1500"
    },
    {
      "ByteKociewie sp. z o.o.",
      "REQUEST",
      "CATERING",
      "Ciasto na dzień otwarty firmy",
      "Szukamy domowych wypieków na dzień otwarty.",
      "50 porcji",
      "15 maja",
      "300"
    },
    {
      "Koło Gospodyń Wiejskich w Rokitkach",
      "OFFER",
      "CATERING",
      "Domowe ciasta i pierogi",
      "Upieczemy ciasta na Wasze wydarzenie.",
      "do 80 porcji",
      "",
      "600"
    },
    {
      "Koło Gospodyń Wiejskich w Rokitkach",
      "REQUEST",
      "TRANSPORT",
      "Transport na dożynki powiatowe",
      "Potrzebujemy busa dla 15 osób.",
      "1 kurs",
      "sierpień",
      "400"
    },
    {
      "Mamy z Morzeszczyna",
      "REQUEST",
      "EQUIPMENT",
      "Nagłośnienie na piknik rodzinny",
      "Głośniki i mikrofon na piknik w parku.",
      "",
      "czerwiec, sobota",
      "500"
    },
    {
      "Piekarnia Kłos",
      "OFFER",
      "CATERING",
      "Pieczywo na wydarzenia",
      "Przekażemy pieczywo na spotkania organizacji.",
      "100 bułek",
      "",
      "200"
    },
    {
      "OSP Miłobądz",
      "OFFER",
      "TRANSPORT",
      "Bus strażacki z kierowcą",
      "Możemy przewieźć grupę do 9 osób.",
      "2 kursy",
      "weekendy",
      "350"
    },
    {
      "OSP Miłobądz",
      "REQUEST",
      "TRAINING",
      "Szkolenie z pierwszej pomocy dla młodzieży",
      "Szukamy instruktora dla drużyny młodzieżowej.",
      "4 godziny",
      "",
      "800"
    },
    {
      "Szkoła Podstawowa w Subkowach",
      "OFFER",
      "ROOMS",
      "Sala gimnastyczna w weekendy",
      "Udostępnimy salę gimnastyczną i boisko.",
      "",
      "soboty i niedziele",
      "700"
    },
    {
      "Jan Kowalski (mieszkaniec)",
      "OFFER",
      "ADVICE",
      "Porady prawne dla organizacji",
      "Emerytowany prawnik, pomogę w statutach.",
      "5 godzin",
      "",
      "750"
    },
  };

  private final PostCreation posts;

  DemoPosts(PostCreation posts) {
    this.posts = posts;
  }

  Uni<Void> seed(long fairId) {
    return Panache.withSession(
            () ->
                Organisation.ofFair(fairId)
                    .chain(
                        entities -> Person.ofFair(fairId).map(people -> authors(entities, people))))
        .chain(
            authors -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              for (String[] row : POSTS) {
                Person author = authors.get(row[0]);
                if (author == null || !author.roleSet().contains(Role.PARTICIPANT)) {
                  continue;
                }
                Caller caller =
                    new Caller(
                        Caller.Kind.PERSON,
                        author.id,
                        fairId,
                        author.roleSet(),
                        author.badgeVersion);
                PostInput input =
                    new PostInput(
                        PostKind.valueOf(row[1]),
                        row[2],
                        row[3],
                        row[4],
                        row[5],
                        row[6],
                        null,
                        new BigDecimal(row[7]),
                        null,
                        null);
                // The phones' own path: same checks, same event, no idempotency key needed.
                chain =
                    chain.chain(() -> posts.create(caller, null, fairId, input).replaceWithVoid());
              }
              return chain;
            });
  }

  private static Map<String, Person> authors(List<Organisation> entities, List<Person> people) {
    Map<Long, String> names = entities.stream().collect(Collectors.toMap(e -> e.id, e -> e.name));
    return people.stream()
        .collect(Collectors.toMap(p -> names.get(p.entityId), Function.identity(), (a, b) -> a));
  }
}
