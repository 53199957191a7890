package pl.gielda.contract.money;

/**
 * One mention of money found in a text field.
 *
 * @param field name of the field the fragment was found in (e.g. "title", "items[0].description")
 * @param fragment the exact fragment of the original text, as typed
 * @param reasonPl reason shown to contract parties and the notary, in Polish
 * @param reasonEn the same reason in English
 */
public record MoneyFinding(String field, String fragment, String reasonPl, String reasonEn) {}
