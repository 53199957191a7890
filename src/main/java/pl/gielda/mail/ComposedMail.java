package pl.gielda.mail;

/** A mail ready to go: its words in the recipient's language and an optional attachment. */
public record ComposedMail(
    String subject, String text, String html, String attachmentName, byte[] attachment) {}
