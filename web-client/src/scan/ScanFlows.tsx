import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { navigate } from '../ui/router';
import { interpret, partnerOf } from './interpret';
import { Scanner } from './Scanner';

/**
 * /f/:fairId/scan — the phone (or the help desk) scans a code in the hall:
 * a partner's badge (its public partner code) → a new contract with that partner (the help desk: a
 * post on behalf of the badge's owner), a contract's QR → that contract to co-sign, the join QR →
 * joining. Someone's private sign-in code is refused, never sent anywhere.
 */
export function FairScan({ fairId, roles }: { fairId: number; roles: string[] }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const back = () => navigate(`/f/${fairId}`, { replace: true });
  const onResult = async (text: string) => {
    setError(null);
    const target = interpret(text);
    if (target.kind === 'contract') {
      if (target.fairId !== fairId) setError(t('scanOtherFair'));
      else navigate(`/f/${fairId}/contracts/${target.contractId}`, { replace: true });
    } else if (target.kind === 'join') {
      navigate(`/join/${encodeURIComponent(target.code)}`, { replace: true });
    } else if (target.kind === 'signIn') {
      setError(t('scanSecretNotPartner'));
    } else if (partnerOf(target)) {
      const partner = partnerOf(target)!;
      if (roles.includes('participant')) {
        navigate(`/f/${fairId}/contracts/new?partner=${encodeURIComponent(partner)}`, { replace: true });
      } else if (roles.includes('animator')) {
        try {
          const who = await unwrap(
            api('person').POST('/api/fairs/{fairId}/contracts/partner-lookup', {
              params: { path: { fairId } },
              body: { partnerCode: partner },
            }),
          );
          navigate(`/f/${fairId}/new?for=${who.personId ?? ''}`, { replace: true });
        } catch {
          setError(t('partnerUnknown'));
        }
      } else setError(t('scanUnknown'));
    } else setError(t('scanUnknown'));
  };
  return (
    <Scanner
      onResult={(text) => void onResult(text)}
      onCancel={back}
      typeLabel={t('scanTypeAny')}
      error={error}
    />
  );
}

/**
 * /scan — before signing in: my badge's tear-off signs me in (so does an old badge), the join QR
 * or a typed code opens joining; a partner code on a badge's face signs nobody in.
 */
export function StartScan() {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <Scanner
      onResult={(text) => {
        const target = interpret(text);
        if (target.kind === 'signIn') navigate(`/b#${encodeURIComponent(target.secret)}`, { replace: true });
        else if (target.kind === 'legacyBadge')
          navigate(`/b/${encodeURIComponent(target.token)}`, { replace: true });
        else if (target.kind === 'join' || target.kind === 'code')
          navigate(`/join/${encodeURIComponent(target.code)}`, { replace: true });
        else if (target.kind === 'partner') setError(t('scanPartnerNotSignIn'));
        else if (target.kind === 'contract')
          navigate(`/f/${target.fairId}/contracts/${target.contractId}`, { replace: true });
        else setError(t('scanUnknown'));
      }}
      onCancel={() => navigate('/', { replace: true })}
      typeLabel={t('scanTypeJoin')}
      error={error}
    />
  );
}

/** Inside the contract form: the partner code on the partner's badge (typed: the form's own field). */
export function BadgeScan({ onBadge, onCancel }: { onBadge: (token: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <Scanner
      onResult={(text) => {
        const target = interpret(text);
        const partner = partnerOf(target);
        if (partner) onBadge(partner);
        else setError(t(target.kind === 'signIn' ? 'scanSecretNotPartner' : 'scanNotBadge'));
      }}
      onCancel={onCancel}
      typeLabel={t('partnerCode')}
      error={error}
    />
  );
}
