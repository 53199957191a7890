import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { rowText } from '../api/problemText';
import type { ImportResult } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui/components';

type Row = NonNullable<ImportResult['rows']>[number];

/** At most this many names are listed before confirming (the counts always cover the whole file). */
const PREVIEW_ROWS = 200;

/**
 * Roster import in two steps: "Sprawdź" sends the file's raw bytes (the server tells UTF-8,
 * Windows-1250 and ISO-8859-2 apart; reading it here as text would garble what Excel saved) and
 * lists the names as read; "Importuj" imports the same bytes once the organiser has seen them.
 */
export function ImportRoster({ fairId, onImported }: { fairId: number; onImported: () => void }) {
  const i18n = useI18n();
  const { t, p } = i18n;
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    setError(null);
    setResult(null);
    if (dryRun) setPreview(null);
    if (!file) {
      setError(new ApiProblem({ status: 0, title: t('importChooseFile'), code: 'choose-file' }));
      return;
    }
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const res = await unwrap(
        api('organiser').POST('/api/fairs/{fairId}/import', {
          params: { path: { fairId }, query: dryRun ? { dryRun: true } : {} },
          body: bytes as unknown as string,
          bodySerializer: () => bytes,
          headers: { 'Content-Type': 'application/octet-stream' },
        }),
      );
      if (dryRun) setPreview(res);
      else {
        setPreview(null);
        setResult(res);
        onImported();
      }
    } catch (e) {
      setPreview(null);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const rows = error instanceof ApiProblem ? error.rows : [];
  return (
    <section class="card org-import" data-testid="import">
      <h2>{t('importTitle')}</h2>
      <p class="hint">{t('importHintColumns')}</p>
      <p class="hint">{t('importHintSectors')}</p>
      <p class="hint">{t('importHintCharset')}</p>
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
            setPreview(null);
          }}
        />
      </label>
      <div class="btn-row">
        <button
          type="button"
          class={preview ? 'btn' : 'btn btn-primary'}
          disabled={busy}
          data-testid="import-check"
          onClick={() => send(true)}
        >
          {t('importCheck')}
        </button>
      </div>
      {preview && (
        <div class="org-preview" data-testid="import-preview">
          <p role="status">
            <strong>{t('importPreviewTitle')}</strong>{' '}
            {t('importReadAs', { charset: preview.charset ?? '?' })}
          </p>
          <p>
            {preview.peopleCreated === 0 && preview.entitiesCreated === 0 ? (
              <span data-testid="import-nothing-new">{p('importAllThere', preview.peopleSkipped ?? 0)}</span>
            ) : (
              <>
                {p('importWillCreateEntities', preview.entitiesCreated ?? 0)}{' '}
                {p('importWillCreatePeople', preview.peopleCreated ?? 0)}{' '}
                {(preview.peopleSkipped ?? 0) > 0 && p('importWillSkip', preview.peopleSkipped ?? 0)}
              </>
            )}
          </p>
          <PreviewTable rows={preview.rows ?? []} />
          <div class="btn-row">
            <button
              type="button"
              class="btn btn-primary"
              disabled={busy}
              data-testid="import-run"
              onClick={() => send(false)}
            >
              {t('importConfirm')}
            </button>
            <button type="button" class="btn" disabled={busy} onClick={() => setPreview(null)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {result && (
        <p class="ok-box" role="status" data-testid="import-result">
          {result.peopleCreated === 0 && result.entitiesCreated === 0
            ? p('importAllThere', result.peopleSkipped ?? 0)
            : `${p('entitiesCreated', result.entitiesCreated ?? 0)} ${p('peopleCreated', result.peopleCreated ?? 0)}${
                (result.peopleSkipped ?? 0) > 0 ? ` ${p('importSkipped', result.peopleSkipped ?? 0)}` : ''
              }`}
        </p>
      )}
      {rows.length > 0 ? (
        <div class="error-box" role="alert" data-testid="import-rows">
          <strong>{t('importRowsTitle')}</strong>
          <p>
            {p(
              'importInvalidLines',
              Number(error instanceof ApiProblem ? (error.params.lines ?? rows.length) : 0),
            )}
          </p>
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
                  <td>{rowText(r, i18n)}</td>
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

function PreviewTable({ rows }: { rows: Row[] }) {
  const { t, tx } = useI18n();
  return (
    <div class="table-wrap org-preview-table">
      <table class="table">
        <thead>
          <tr>
            <th>{t('importLine')}</th>
            <th>{t('personName')}</th>
            <th>{t('entity')}</th>
            <th>{t('sector')}</th>
            <th>{t('roles')}</th>
            <th>{t('importState')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, PREVIEW_ROWS).map((r) => (
            <tr key={r.line} data-testid="import-preview-row">
              <td>{r.line}</td>
              <td data-testid="import-preview-person">{r.person ?? '—'}</td>
              <td>{r.entity}</td>
              <td>{tx(`sector_${r.sector}`, r.sector)}</td>
              <td>{(r.roles ?? []).map((x) => tx(`role_${x}`, x)).join(', ')}</td>
              <td>
                {r.person && !r.newPerson
                  ? t('importStateThere')
                  : r.newEntity
                    ? t('importStateNewEntity')
                    : t('importStateNew')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > PREVIEW_ROWS && (
        <p class="muted">{t('importMoreRows', { n: rows.length - PREVIEW_ROWS })}</p>
      )}
    </div>
  );
}
