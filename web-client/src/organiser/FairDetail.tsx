import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import type { Fair, Person } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Page, Spinner } from '../ui/components';
import { Link } from '../ui/router';
import { FAIR_TIME_ZONE, formatDateTime } from '../ui/time';
import { useAsync } from '../ui/useAsync';
import { AddPeople } from './AddPeople';
import { Checklist, markDone } from './Checklist';
import { FairSettings } from './FairSettings';
import { useOrganiserGuard } from './guard';
import { ImportRoster } from './ImportRoster';
import { OrganiserBar } from './OrganiserBar';
import { AuditLog } from './AuditLog';
import { Outbox } from './Outbox';
import { People } from './People';
import { PeoplePanel } from './PeoplePanel';
import { PhaseControl } from './PhaseControl';
import { usePublicUrl } from './publicUrl';
import { Summary } from './Summary';

export function OrganiserFair({ id }: { id: string }) {
  const ok = useOrganiserGuard();
  const { t } = useI18n();
  const fairId = Number(id);
  const client = api('organiser');
  const fair = useAsync(
    () =>
      ok
        ? unwrap(client.GET('/api/fairs/{fairId}', { params: { path: { fairId } } }))
        : new Promise<Fair>(() => {}),
    [ok, fairId],
  );
  const people = useAsync(
    () =>
      ok
        ? unwrap(client.GET('/api/fairs/{fairId}/people', { params: { path: { fairId } } }))
        : Promise.resolve([] as Person[]),
    [ok, fairId],
  );
  if (!ok) return null;
  return (
    <>
      <OrganiserBar />
      <Page wide>
        <p>
          <Link href="/organiser">← {t('fairsTitle')}</Link>
        </p>
        {fair.loading && !fair.data && <Spinner />}
        <ErrorBox error={fair.error} />
        {fair.data && (
          <>
            <div class="org-top">
              <FairHeader fair={fair.data} onChange={fair.setData} />
              <Checklist fair={fair.data} people={people.data} />
            </div>
            <div class="grid-2">
              <ImportRoster fairId={fairId} onImported={people.reload} />
              <div>
                <Tools fairId={fairId} />
                <AddPeople fairId={fairId} onAdded={people.reload} />
              </div>
            </div>
            <PeoplePanel
              fairId={fairId}
              people={people.data}
              loading={people.loading}
              error={people.error}
              onChanged={people.reload}
            />
            <Summary fairId={fairId} fair={fair.data} />
            <FairSettings fair={fair.data} onChange={fair.setData} />
            <People
              fairId={fairId}
              people={people.data}
              loading={people.loading}
              error={people.error}
              onChange={people.reload}
            />
            <Outbox fairId={fairId} />
            <AuditLog fairId={fairId} />
          </>
        )}
      </Page>
    </>
  );
}

function FairHeader({ fair, onChange }: { fair: Fair; onChange: (f: Fair) => void }) {
  const { t, lang } = useI18n();
  const tz = fair.timeZone || FAIR_TIME_ZONE;
  const joinLink =
    fair.joinUrl ?? (fair.joinCode ? `${location.origin}/join/${encodeURIComponent(fair.joinCode)}` : '');
  return (
    <section class="card">
      <h1 data-testid="fair-name">{fair.name}</h1>
      <p class="muted">
        {fair.venue} · {formatDateTime(fair.startsAt, lang, tz)} – {formatDateTime(fair.endsAt, lang, tz)}
      </p>
      <PhaseControl fair={fair} onChange={onChange} />
      <dl class="facts">
        <dt>{t('joinCodeLabel')}</dt>
        <dd>
          <code data-testid="join-code">{fair.joinCode}</code>
        </dd>
        <dt>{t('joinLinkLabel')}</dt>
        <dd>{joinLink && <a href={joinLink}>{joinLink}</a>}</dd>
      </dl>
    </section>
  );
}

function Tools({ fairId }: { fairId: number }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [fallbackUrl, setFallbackUrl] = useState<string | null>(null);

  const links = usePublicUrl();
  const [confirmLocal, setConfirmLocal] = useState(false);

  const printBadges = async (allowLocalhost = false) => {
    setError(null);
    setFallbackUrl(null);
    // Badges whose QR leads to localhost open on no phone: ask first (server refuses too).
    if (links?.pointsAtLocalhost && !allowLocalhost) {
      setConfirmLocal(true);
      return;
    }
    setConfirmLocal(false);
    // Open the window synchronously (inside the click) so that popup blockers allow it.
    const win = window.open('', '_blank');
    setBusy('badges');
    markDone(fairId, 'badges');
    try {
      const blob = await unwrap(
        api('organiser').GET('/api/fairs/{fairId}/badges.pdf', {
          params: { path: { fairId }, query: { allowLocalhost } },
          parseAs: 'blob',
        }),
      );
      const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      if (win && !win.closed) win.location.href = url;
      else setFallbackUrl(url);
      setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
    } catch (e) {
      win?.close();
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const openScreen = async () => {
    setError(null);
    const win = window.open('', '_blank');
    setBusy('screen');
    markDone(fairId, 'screen');
    try {
      const res = await unwrap(
        api('organiser').POST('/api/fairs/{fairId}/screens', { params: { path: { fairId } } }),
      );
      // Stay on this origin (the server's public URL may differ behind a proxy).
      const url = res.screenToken ? `/screen/${encodeURIComponent(res.screenToken)}` : (res.url ?? '/');
      if (win && !win.closed) win.location.href = url;
      else window.location.href = url;
    } catch (e) {
      win?.close();
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section class="card">
      <div class="btn-col">
        <button
          type="button"
          class="btn btn-primary"
          data-testid="print-badges"
          disabled={busy !== null}
          onClick={() => void printBadges()}
        >
          {busy === 'badges' ? t('badgesPreparing') : t('printBadges')}
        </button>
        {confirmLocal && links?.pointsAtLocalhost && (
          <div class="public-url-warning" role="alert" data-testid="print-localhost-confirm">
            <p>{t('printLocalhostConfirm', { url: links.url })}</p>
            <button type="button" class="btn" onClick={() => void printBadges(true)}>
              {t('printAnyway')}
            </button>
          </div>
        )}
        <button type="button" class="btn" disabled={busy !== null} onClick={openScreen}>
          {t('openScreen')}
        </button>
      </div>
      {fallbackUrl && (
        <p>
          {t('popupBlocked')}{' '}
          <a href={fallbackUrl} target="_blank" rel="noopener">
            {t('openPdf')}
          </a>
        </p>
      )}
      <ErrorBox error={error} />
    </section>
  );
}
