import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { nextPhase, type Fair, type ImportResult, type Person } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Page, Spinner } from '../ui/components';
import { Link } from '../ui/router';
import { FAIR_TIME_ZONE, formatDateTime } from '../ui/time';
import { useAsync } from '../ui/useAsync';
import { useOrganiserGuard } from './guard';
import { usePublicUrl } from './publicUrl';
import { OrganiserBar } from './OrganiserBar';
import { Outbox } from './Outbox';
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
            <FairHeader fairId={fairId} fair={fair.data} onChange={fair.setData} />
            <div class="grid-2">
              <ImportCsv fairId={fairId} onImported={people.reload} />
              <Tools fairId={fairId} />
            </div>
            <Summary fairId={fairId} fair={fair.data} />
            <PeopleList people={people.data} loading={people.loading} error={people.error} />
            <Outbox fairId={fairId} />
          </>
        )}
      </Page>
    </>
  );
}

function FairHeader({ fairId, fair, onChange }: { fairId: number; fair: Fair; onChange: (f: Fair) => void }) {
  const { t, tx, lang } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = nextPhase(fair.phase);
  const tz = fair.timeZone || FAIR_TIME_ZONE;
  const joinLink =
    fair.joinUrl ?? (fair.joinCode ? `${location.origin}/join/${encodeURIComponent(fair.joinCode)}` : '');

  const advance = async () => {
    if (!next) return;
    if (next === 'CLOSED' && !window.confirm(t('phaseConfirmClose'))) return;
    setBusy(true);
    setError(null);
    try {
      onChange(
        await unwrap(
          api('organiser').POST('/api/fairs/{fairId}/phase', {
            params: { path: { fairId } },
            body: { phase: next },
          }),
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card">
      <h1 data-testid="fair-name">{fair.name}</h1>
      <p class="muted">
        {fair.venue} · {formatDateTime(fair.startsAt, lang, tz)} – {formatDateTime(fair.endsAt, lang, tz)}
      </p>
      <p>
        {t('phase')}:{' '}
        <span class={`badge phase-${fair.phase}`} data-testid="fair-phase">
          {tx(`phase_${fair.phase}`, fair.phase)}
        </span>
      </p>
      {next && (
        <button
          type="button"
          class="btn btn-primary"
          data-testid="phase-button"
          disabled={busy}
          onClick={advance}
        >
          {tx(`phaseNext_${fair.phase}`, next)}
        </button>
      )}
      <ErrorBox error={error} />
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

function ImportCsv({ fairId, onImported }: { fairId: number; onImported: () => void }) {
  const { t, p } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setError(null);
    setResult(null);
    setChecked(false);
    if (!file) {
      setError(new ApiProblem({ status: 0, title: t('importChooseFile') }));
      return;
    }
    setBusy(true);
    try {
      const csv = await file.text();
      const res = await unwrap(
        api('organiser').POST('/api/fairs/{fairId}/import', {
          params: { path: { fairId }, query: dryRun ? { dryRun: true } : {} },
          body: csv,
          bodySerializer: (b: string) => b,
          headers: { 'Content-Type': 'text/csv; charset=utf-8' },
        }),
      );
      if (dryRun) setChecked(true);
      else {
        setResult(res);
        onImported();
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const rows = error instanceof ApiProblem ? error.rows : [];
  return (
    <section class="card" data-testid="import">
      <h2>{t('importTitle')}</h2>
      <p class="hint">{t('importHint')}</p>
      <label class="field">
        <span>{t('importFile')}</span>
        <input
          type="file"
          accept=".csv,text/csv"
          data-testid="import-file"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setError(null);
            setResult(null);
            setChecked(false);
          }}
        />
      </label>
      <div class="btn-row">
        <button type="button" class="btn" disabled={busy} onClick={() => run(true)}>
          {t('importCheck')}
        </button>
        <button
          type="button"
          class="btn btn-primary"
          disabled={busy}
          data-testid="import-run"
          onClick={() => run(false)}
        >
          {t('importRun')}
        </button>
      </div>
      {checked && (
        <p class="ok-box" role="status">
          {t('importDryRunOk')}
        </p>
      )}
      {result && (
        <p class="ok-box" role="status" data-testid="import-result">
          {p('entitiesCreated', result.entitiesCreated ?? 0)} {p('peopleCreated', result.peopleCreated ?? 0)}
        </p>
      )}
      {rows.length > 0 ? (
        <div class="error-box" role="alert" data-testid="import-rows">
          <strong>{t('importRowsTitle')}</strong>
          {error instanceof ApiProblem && error.detail && <p>{error.detail}</p>}
          <table class="table">
            <thead>
              <tr>
                <th>{t('importLine')}</th>
                <th>{t('importReason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} data-testid="import-row-error">
                  <td>{r.line}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ErrorBox error={error} />
      )}
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

type WithBadge = { badgeUrl?: string | null; badgeToken?: string | null };

function PeopleList({ people, loading, error }: { people?: Person[]; loading: boolean; error: unknown }) {
  const { t, p, tx } = useI18n();
  return (
    <section class="card" data-testid="people">
      <h2>
        {t('peopleTitle')}
        {people && <span class="muted"> · {p('people', people.length)}</span>}
      </h2>
      {loading && !people && <Spinner />}
      <ErrorBox error={error} />
      {people && people.length === 0 && <p class="muted">{t('peopleEmpty')}</p>}
      {people && people.length > 0 && (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th>{t('personName')}</th>
                <th>{t('entity')}</th>
                <th>{t('sector')}</th>
                <th>{t('roles')}</th>
                <th>{t('checkedIn')}</th>
                <th>{t('badge')}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((person) => {
                const b = person as Person & WithBadge;
                const href = b.badgeToken ? `/b/${encodeURIComponent(b.badgeToken)}` : (b.badgeUrl ?? null);
                return (
                  <tr key={person.id} data-testid="person-row">
                    <td>{person.displayName}</td>
                    <td>{person.entityName}</td>
                    <td>{tx(`sector_${person.sector}`, person.sector)}</td>
                    <td>{(person.roles ?? []).map((r) => tx(`role_${r.toLowerCase()}`, r)).join(', ')}</td>
                    <td>{person.checkedInAt ? '✓' : ''}</td>
                    <td>
                      {href && (
                        <a href={href} target="_blank" rel="noopener">
                          {t('badgeLink')}
                        </a>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
