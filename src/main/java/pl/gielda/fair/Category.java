package pl.gielda.fair;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;

@Entity
@Table(name = "category")
public class Category extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
  @SequenceGenerator(name = "category_seq", sequenceName = "category_seq", allocationSize = 50)
  public Long id;

  @Column(name = "fair_id")
  public Long fairId;

  public String code;

  @Column(name = "name_pl")
  public String namePl;

  @Column(name = "name_en")
  public String nameEn;

  public int position;

  public static Uni<List<Category>> ofFair(long fairId) {
    return list("fairId = ?1 order by position", fairId);
  }

  /** The resources most exchanged at the source fair (Tczew, 2010), plus "other". */
  public static final List<String[]> DEFAULTS =
      List.of(
          new String[] {"ROOMS", "Sale i lokale", "Rooms"},
          new String[] {"VOLUNTEERS", "Wolontariusze", "Volunteers"},
          new String[] {"EQUIPMENT", "Sprzęt", "Equipment"},
          new String[] {"CATERING", "Catering", "Catering"},
          new String[] {"PROMOTION", "Promocja", "Promotion"},
          new String[] {"IT_SERVICES", "Usługi informatyczne", "IT services"},
          new String[] {"ART_CLASSES", "Zajęcia plastyczne", "Art classes"},
          new String[] {"TRAINING", "Szkolenia", "Training"},
          new String[] {"WORKSHOPS", "Warsztaty", "Workshops"},
          new String[] {"ADVICE", "Doradztwo", "Advice"},
          new String[] {"TRANSPORT", "Transport", "Transport"},
          new String[] {"PRINTING", "Druk", "Printing"},
          new String[] {"OTHER", "Inne", "Other"});
}
