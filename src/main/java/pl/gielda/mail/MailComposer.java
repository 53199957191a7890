package pl.gielda.mail;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import pl.gielda.contract.ContractService;

/**
 * Writes an outbox row's mail from its purpose and references, at send time: what it refers to (a
 * registered contract) no longer changes, so the words need not be stored before they are sent.
 * Templates: {@code templates/mail/<purpose>.<language>.txt|html} (Qute; HTML escapes user text).
 */
@ApplicationScoped
public class MailComposer {

  static final String CONTRACT_PDF = "contract.pdf";

  private final Engine qute;
  private final ContractService contracts;

  MailComposer(Engine qute, ContractService contracts) {
    this.qute = qute;
    this.contracts = contracts;
  }

  public Uni<ComposedMail> compose(OutboxMail mail) {
    if (CONTRACT_PDF.equals(mail.purpose()) && mail.contractId() != null) {
      return contracts
          .registeredPdf(mail.fairId(), mail.contractId())
          .map(
              c -> {
                boolean en = "en".equals(mail.language());
                Map<String, Object> data =
                    Map.of(
                        "fairName", c.fairName(),
                        "number", c.number(),
                        "title", c.title() == null ? "" : c.title(),
                        "parties", String.join(en ? " and " : " i ", c.parties()));
                String subject =
                    en
                        ? "Contract no. " + c.number() + " registered — " + c.fairName()
                        : "Kontrakt nr " + c.number() + " zarejestrowany — " + c.fairName();
                String lang = en ? "en" : "pl";
                return new ComposedMail(
                    subject,
                    render("mail/contract-pdf." + lang + ".txt", data),
                    render("mail/contract-pdf." + lang + ".html", data),
                    (en ? "contract-" : "kontrakt-") + c.number() + ".pdf",
                    c.pdf());
              });
    }
    return Uni.createFrom()
        .failure(new IllegalArgumentException("no template for mail purpose " + mail.purpose()));
  }

  private String render(String id, Map<String, Object> data) {
    Template t = qute.getTemplate(id);
    if (t == null) {
      throw new IllegalStateException("missing mail template " + id);
    }
    var instance = t.instance();
    data.forEach(instance::data);
    return instance.render();
  }
}
