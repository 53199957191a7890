package pl.gielda.fair;

import io.smallrye.mutiny.Uni;

/**
 * Told after an organiser's phase change was committed (also when a retry finds the fair already in
 * that phase, so observers must be idempotent). A failure is logged and never undoes or blocks the
 * change. The report feature uses it to store a fair's closing figures.
 */
public interface PhaseObserver {

  Uni<Void> phaseChanged(long fairId, Phase phase);
}
