package pl.gielda.contract.money;

/** What kind of money a finding is about, with the label its reason shows. */
public record MoneyKind(String name, String labelPl, String labelEn) {}
