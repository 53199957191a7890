import './organiser-first-start.css';
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui/components';
import { choosePublicUrl, offers, usePublicUrl } from './publicUrl';

/**
 * On every organiser screen while links lead to localhost: printed badges and the join QR would
 * open on no phone. Offers this machine's address on the hall network.
 */
export function PublicUrlWarning() {
  const { t } = useI18n();
  const info = usePublicUrl();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!info || !info.pointsAtLocalhost) return null;
  const choices = offers(info);
  const choose = async (url: string) => {
    setBusy(true);
    setError(null);
    try {
      await choosePublicUrl(url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="public-url-warning" role="alert" data-testid="public-url-warning">
      <strong>{t('publicUrlWarningTitle')}</strong>
      <p>{t('publicUrlWarningBody', { url: info.url })}</p>
      {choices.length > 0 ? (
        <div class="public-url-choices">
          <span>{t('publicUrlHallAddress')}</span>
          {choices.map((c) => (
            <button
              key={c}
              type="button"
              class="btn btn-primary"
              disabled={busy}
              data-testid="public-url-choose"
              onClick={() => void choose(c)}
            >
              {t('publicUrlUse', { url: c })}
            </button>
          ))}
        </div>
      ) : (
        <p>{t('publicUrlNoNetwork')}</p>
      )}
      <small>{t('publicUrlHint')}</small>
      <ErrorBox error={error} />
    </section>
  );
}
