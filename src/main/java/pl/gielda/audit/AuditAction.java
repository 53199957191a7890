package pl.gielda.audit;

/** The privileged actions the trail records. Codes are stable: exports and filters use them. */
public enum AuditAction {
  ROLE_GRANTED("role.granted"),
  BADGE_REISSUED("badge.reissued"),
  PHONE_RELEASED("phone.released"),
  POST_HIDDEN("post.hidden"),
  POST_UNHIDDEN("post.unhidden"),
  CONTRACT_REGISTERED_WITH_MONEY("contract.registeredWithMoney");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Starts a record of this action on a subject ("person", 42). */
  public AuditRecord on(String subjectType, Long subjectId) {
    return new AuditRecord(this, subjectType, subjectId, java.util.Map.of());
  }
}
