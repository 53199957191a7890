package pl.gielda.post;

/** An offer is what an entity can give; a request is what it needs. */
public enum PostKind {
  OFFER,
  REQUEST
}
