import { useEffect, useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Entity } from '../api/types';
import { useI18n } from '../i18n';
import { lazy } from '../ui/lazy';
import type { ContractParty } from './contractParts';

// Loaded on first use: the camera scanner (with its decoder).
const BadgeScan = lazy(() => import('../scan/ScanFlows').then((m) => m.BadgeScan));

/** The partner of a contract: by the badge's code (typed or scanned) or from the list of entities. */
export function PartnerPicker({
  fairId,
  me,
  entities,
  partner,
  editing,
  onChoose,
}: {
  fairId: number;
  me: ContractParty;
  entities: Entity[];
  partner: { id: number; name: string } | null;
  editing: boolean;
  /** `badge`: the partner came from their badge (typed or scanned), face to face. */
  onChoose: (id: number, name: string, badge: boolean) => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);

  const lookup = async (typed = code) => {
    setCodeError(null);
    const token = typed.trim().replace(/^.*\/b\//, '');
    if (!token) return;
    try {
      const found = await unwrap(
        api('person').POST('/api/fairs/{fairId}/contracts/partner-lookup', {
          params: { path: { fairId } },
          body: { badgeToken: token },
        }),
      );
      if (found.entityId === me.entityId) {
        setCodeError(t('partnerUnknown'));
        return;
      }
      onChoose(found.entityId ?? 0, `${found.entityName} (${found.displayName})`, true);
    } catch {
      setCodeError(t('partnerUnknown'));
    }
  };

  // A badge scanned on the board (`?badge=<code>`) or here: the partner is looked up at once.
  const [scanning, setScanning] = useState(false);
  const scanned = (token: string) => {
    setScanning(false);
    setCode(token);
    void lookup(token);
  };
  useEffect(() => {
    const badge = new URLSearchParams(location.search).get('badge');
    if (badge && !editing) scanned(badge);
  }, []);

  const others = entities
    .filter((e) => e.id !== me.entityId)
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));

  return (
    <fieldset>
      <legend>{t('partner')}</legend>
      {partner && (
        <p class="partner-chosen" data-testid="partner">
          <strong>{partner.name}</strong>
        </p>
      )}
      {!editing && (
        <>
          <div class="field">
            <label for="partner-code">{t('partnerCode')}</label>
            <div class="inline">
              <input
                id="partner-code"
                autoComplete="off"
                autoCapitalize="off"
                value={code}
                onInput={(e) => setCode(e.currentTarget.value)}
              />
              <button type="button" class="btn" data-testid="partner-check" onClick={() => void lookup()}>
                {t('partnerCheck')}
              </button>
            </div>
            <small class="hint">{t('partnerCodeHint')}</small>
            {codeError && <small class="field-error">{codeError}</small>}
          </div>
          {scanning ? (
            <BadgeScan onBadge={scanned} onCancel={() => setScanning(false)} />
          ) : (
            <button
              type="button"
              class="btn btn-block"
              data-testid="partner-scan"
              onClick={() => setScanning(true)}
            >
              {t('scanBadge')}
            </button>
          )}
          <div class="field">
            <label for="partner-entity">{t('partnerOrEntity')}</label>
            <select
              id="partner-entity"
              value={partner ? String(partner.id) : ''}
              onChange={(e) => {
                const id = Number(e.currentTarget.value);
                const en = others.find((x) => x.id === id);
                if (en) onChoose(id, en.name ?? '', false);
              }}
            >
              <option value="">—</option>
              {others.map((en) => (
                <option key={en.id} value={String(en.id)}>
                  {en.name}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
    </fieldset>
  );
}
