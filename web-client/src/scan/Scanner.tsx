import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { makeDecoder } from './decode';

type State = 'starting' | 'scanning' | 'denied' | 'nocamera';
const FRAME_GAP_MS = 120;

/**
 * The phone's camera looking for a QR code, with a field to type the short code instead. Without
 * a camera, or when access is refused, it says so and the field is all there is. The camera stops
 * as soon as a code is read or the scanner closes.
 */
export function Scanner({
  onResult,
  onCancel,
  typeLabel,
  error,
}: {
  onResult: (text: string) => void;
  onCancel: () => void;
  /** Label of the field for typing the code by hand. */
  typeLabel: string;
  /** What was wrong with the last code (shown, and the scanner goes on). */
  error?: string | null;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<State>('starting');
  const [engine, setEngine] = useState('');
  const [typed, setTyped] = useState('');
  const result = useRef(onResult);
  result.current = onResult;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => stream?.getTracks().forEach((track) => track.stop());
    void (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('nocamera');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
      } catch (e) {
        const name = (e as { name?: string }).name;
        if (!stopped)
          setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'nocamera');
        return;
      }
      const v = video.current;
      if (stopped || !v) {
        stop();
        return;
      }
      v.srcObject = stream;
      await v.play().catch(() => undefined);
      const decoder = await makeDecoder();
      if (stopped) return;
      setEngine(decoder.engine);
      // Which decoder this browser uses (shown to support staff and checked by the browser tests).
      document.documentElement.dataset['scanEngine'] = decoder.engine;
      setState('scanning');
      let last = '';
      const tick = async () => {
        if (stopped) return;
        const text = await decoder.detect(v).catch(() => null);
        if (stopped) return;
        // The same unusable code again: keep looking without saying it twice.
        if (text && text !== last) {
          last = text;
          result.current(text);
        }
        timer = setTimeout(() => void tick(), FRAME_GAP_MS);
      };
      void tick();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stop();
    };
  }, []);

  const live = state === 'starting' || state === 'scanning';
  const message =
    state === 'denied' ? t('scanDenied') : state === 'nocamera' ? t('scanNoCamera') : t('scanHint');
  return (
    <section class="scanner card" data-testid="scanner" data-state={state} data-engine={engine}>
      <h2>{t('scanTitle')}</h2>
      {live && (
        <div class="scanner-view">
          <video ref={video} muted playsInline autoPlay aria-label={t('scanVideoLabel')} />
          <span class="scanner-frame" aria-hidden="true" />
        </div>
      )}
      <p class={live ? 'muted' : 'error-box'} role="status" data-testid="scan-status">
        {message}
      </p>
      {error && (
        <p class="error-box" role="alert" data-testid="scan-error">
          {error}
        </p>
      )}
      <form
        class="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) onResult(typed.trim());
        }}
      >
        <div class="field">
          <label for="scan-code">{typeLabel}</label>
          <div class="inline">
            <input
              id="scan-code"
              autoComplete="off"
              autoCapitalize="characters"
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
            <button type="submit" class="btn btn-primary" data-testid="scan-typed">
              {t('scanUseCode')}
            </button>
          </div>
        </div>
      </form>
      <button type="button" class="btn btn-block" onClick={onCancel}>
        {t('cancel')}
      </button>
    </section>
  );
}
