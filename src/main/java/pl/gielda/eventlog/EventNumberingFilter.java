package pl.gielda.eventlog;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A request that queued an event is answered only once the event is numbered: the writer then finds
 * its change in the log (and on its board) the moment it has the answer, as when events were
 * numbered at commit. The transaction has committed by the time response filters run.
 */
@Singleton
public class EventNumberingFilter {

  private final EventSequencer sequencer;

  EventNumberingFilter(EventSequencer sequencer) {
    this.sequencer = sequencer;
  }

  @ServerResponseFilter
  public Uni<Void> numberBeforeAnswering() {
    return EventSequencer.appendedInThisRequest()
        ? sequencer.number()
        : Uni.createFrom().voidItem();
  }
}
