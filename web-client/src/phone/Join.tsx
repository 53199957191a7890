import { useState } from 'preact/hooks';
import { api, unwrap } from '../api/client';
import { ApiProblem } from '../api/problem';
import { setSession, toSession } from '../api/session';
import { SECTORS, type JoinRequest, type PublicFair, type Sector } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Field, Page, Spinner, TopBar } from '../ui/components';
import { navigate } from '../ui/router';
import { formatDateTime } from '../ui/time';
import { useAsync } from '../ui/useAsync';

/** /join and /join/:code — self-registration from a phone. */
export function Join({ code }: { code?: string }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  if (!code) {
    return (
      <>
        <TopBar />
        <Page>
          <h1>{t('joinTitle')}</h1>
          <form
            class="card form"
            onSubmit={(e) => {
              e.preventDefault();
              if (typed.trim()) navigate(`/join/${encodeURIComponent(typed.trim())}`);
            }}
          >
            <Field
              label={t('joinEnterCode')}
              name="joinCode"
              autoComplete="off"
              autoCapitalize="characters"
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
            <button class="btn btn-primary btn-block" type="submit">
              {t('joinButton')}
            </button>
          </form>
        </Page>
      </>
    );
  }
  return <JoinForm code={code} />;
}

type EntityChoice = 'NEW' | 'EXISTING' | 'INDIVIDUAL';
interface PublicEntity {
  id: number;
  name: string;
  sector?: string;
}

/**
 * Entities already registered, for the "existing entity" choice. Not in the API draft yet
 * (GET /api/public/fairs/{joinCode}/entities -> [{id,name,sector}]); without it the choice is hidden.
 */
async function loadPublicEntities(code: string): Promise<PublicEntity[]> {
  try {
    const res = await fetch(`/api/public/fairs/${encodeURIComponent(code)}/entities`, {
      headers: { Accept: 'application/json' },
    });
    if (!res.ok) return [];
    const list: unknown = await res.json();
    return Array.isArray(list)
      ? list.filter(
          (e): e is PublicEntity =>
            typeof e === 'object' && e !== null && typeof e.id === 'number' && typeof e.name === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

const CHOICE_LABEL = {
  NEW: 'joinAsNew',
  EXISTING: 'joinAsExisting',
  INDIVIDUAL: 'joinAsIndividual',
} as const;

function choicesFor(existingCount: number): EntityChoice[] {
  return existingCount > 0 ? ['NEW', 'EXISTING', 'INDIVIDUAL'] : ['NEW', 'INDIVIDUAL'];
}

function JoinForm({ code }: { code: string }) {
  const { t, tx, lang } = useI18n();
  const fair = useAsync(
    () => unwrap(api(null).GET('/api/public/fairs/{joinCode}', { params: { path: { joinCode: code } } })),
    [code],
  );
  const entities = useAsync(() => loadPublicEntities(code), [code]);
  const [entityId, setEntityId] = useState<number | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [choice, setChoice] = useState<EntityChoice>('NEW');
  const [entityName, setEntityName] = useState('');
  const [sector, setSector] = useState<Sector>('NGO');
  const [town, setTown] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const [exists, setExists] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const m = {
      displayName: !displayName.trim(),
      entityName: choice === 'NEW' && !entityName.trim(),
      entityId: choice === 'EXISTING' && entityId === null,
    };
    setMissing(m);
    if (m.displayName || m.entityName || m.entityId) return;
    const body: JoinRequest = { joinCode: code, displayName: displayName.trim() };
    if (choice === 'NEW') {
      body.newEntity = { name: entityName.trim(), sector, town: town.trim() };
    } else if (choice === 'EXISTING' && entityId !== null) {
      body.entityId = entityId;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await unwrap(api(null).POST('/api/join', { body }));
      const session = toSession(res);
      setSession('person', session);
      navigate(`/f/${session.fairId}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiProblem && err.type?.endsWith(':entity-exists')) {
        // Someone founded it a moment ago (or it was on the list): ask to join it instead.
        const list = await loadPublicEntities(code);
        const same = list.find((en) => en.name.toLowerCase() === entityName.trim().toLowerCase());
        entities.reload();
        setChoice('EXISTING');
        setEntityId(same?.id ?? null);
        setExists(true);
      } else {
        setError(err);
      }
    } finally {
      setBusy(false);
    }
  };

  const unknownCode = fair.error instanceof ApiProblem && fair.error.status === 404;
  const f: PublicFair | undefined = fair.data;
  const req = (n: string) =>
    missing[n] ? (
      <small class="field-error" data-testid={`field-error-${n}`}>
        {t('requiredField')}
      </small>
    ) : null;

  return (
    <>
      <TopBar />
      <Page>
        <h1>{t('joinTitle')}</h1>
        {fair.loading && <Spinner />}
        {unknownCode ? (
          <p class="error-box" role="alert">
            {t('joinUnknownCode')}
          </p>
        ) : (
          <ErrorBox error={fair.error} />
        )}
        {f && (
          <>
            <section class="card">
              <h2 data-testid="join-fair-name">{f.name}</h2>
              <p class="muted">
                {f.venue} · {formatDateTime(f.startsAt, lang)}
              </p>
            </section>
            {f.phase === 'CLOSED' ? (
              <p class="error-box">{t('joinClosed')}</p>
            ) : (
              <form class="card form" onSubmit={submit} noValidate>
                <Field
                  label={t('yourName')}
                  name="displayName"
                  autoComplete="name"
                  value={displayName}
                  error={error}
                  onInput={(e) => setDisplayName(e.currentTarget.value)}
                />
                {req('displayName')}
                <fieldset class="choices">
                  <legend>{t('joinAs')}</legend>
                  {choicesFor(entities.data?.length ?? 0).map((c) => (
                    <label class="choice" key={c}>
                      <input
                        type="radio"
                        name="entityChoice"
                        value={c}
                        checked={choice === c}
                        onChange={() => setChoice(c)}
                      />
                      <span>{t(CHOICE_LABEL[c])}</span>
                    </label>
                  ))}
                </fieldset>
                {choice === 'NEW' && (
                  <>
                    <Field
                      label={t('entityName')}
                      name="name"
                      value={entityName}
                      error={error}
                      onInput={(e) => setEntityName(e.currentTarget.value)}
                    />
                    {req('entityName')}
                    <Field label={t('sector')} name="sector" error={error}>
                      <select
                        id="f-sector"
                        name="sector"
                        value={sector}
                        onChange={(e) => setSector(e.currentTarget.value as Sector)}
                      >
                        {SECTORS.filter((s) => s !== 'INDIVIDUAL').map((s) => (
                          <option key={s} value={s}>
                            {tx(`sector_${s}`, s)}
                          </option>
                        ))}
                      </select>
                    </Field>
                    <Field
                      label={t('entityTown')}
                      name="town"
                      value={town}
                      error={error}
                      onInput={(e) => setTown(e.currentTarget.value)}
                    />
                  </>
                )}
                {choice === 'EXISTING' && (
                  <>
                    <Field label={t('chooseEntity')} name="entityId" error={error}>
                      <select
                        id="f-entityId"
                        name="entityId"
                        value={entityId ?? ''}
                        onChange={(e) => {
                          const v = e.currentTarget.value;
                          setEntityId(v ? Number(v) : null);
                        }}
                      >
                        <option value="">—</option>
                        {(entities.data ?? []).map((en) => (
                          <option key={en.id} value={en.id}>
                            {en.name}
                          </option>
                        ))}
                      </select>
                    </Field>
                    {req('entityId')}
                    {exists && (
                      <p class="ok-box" role="status" data-testid="join-entity-exists">
                        {t('joinEntityExists')}
                      </p>
                    )}
                    <p class="muted" data-testid="join-consent-hint">
                      {t('joinExistingHint')}
                    </p>
                  </>
                )}
                <ErrorBox error={error} />
                <button class="btn btn-primary btn-block" type="submit" disabled={busy}>
                  {t('joinSubmit')}
                </button>
              </form>
            )}
          </>
        )}
      </Page>
    </>
  );
}
