/** A short gong made with the Web Audio API (no audio files): a few decaying partials. */
let ctx: AudioContext | null = null;

export function playGong(): boolean {
  try {
    const Ctor =
      globalThis.AudioContext ??
      (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctor) return false;
    ctx ??= new Ctor();
    if (ctx.state === 'suspended') void ctx.resume().catch(() => {});
    const now = ctx.currentTime;
    const master = ctx.createGain();
    master.gain.setValueAtTime(0.0001, now);
    master.gain.exponentialRampToValueAtTime(0.6, now + 0.02);
    master.gain.exponentialRampToValueAtTime(0.0001, now + 3.2);
    master.connect(ctx.destination);
    // A low fundamental with inharmonic partials, as a struck metal plate has.
    for (const [freq, level] of [
      [110, 1],
      [220.5, 0.6],
      [293.7, 0.35],
      [427, 0.2],
      [587, 0.12],
    ] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(freq, now);
      osc.frequency.exponentialRampToValueAtTime(freq * 0.985, now + 3);
      gain.gain.setValueAtTime(level, now);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + 3 - freq / 400);
      osc.connect(gain).connect(master);
      osc.start(now);
      osc.stop(now + 3.3);
    }
    return true;
  } catch {
    return false;
  }
}
