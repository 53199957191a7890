import { useState } from 'preact/hooks';
import { getSession } from '../api/session';
import { useI18n } from '../i18n';
import { Page, TopBar } from '../ui/components';
import { Link, navigate } from '../ui/router';

export function Landing() {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const person = getSession('person');
  return (
    <>
      <TopBar />
      <Page>
        <h1>{t('landingTitle')}</h1>
        <p class="lead">{t('landingLead')}</p>
        {person?.fairId != null && (
          <p>
            <Link class="btn btn-primary btn-block" href={`/f/${person.fairId}`}>
              {t('landingResume')}
            </Link>
          </p>
        )}
        <p>
          <Link class="btn btn-block" href="/scan" data-testid="scan">
            {t('scanTitle')}
          </Link>
        </p>
        <form
          class="card form"
          onSubmit={(e) => {
            e.preventDefault();
            const c = code.trim();
            if (c) navigate(`/join/${encodeURIComponent(c)}`);
          }}
        >
          <h2>{t('landingJoinTitle')}</h2>
          <p class="hint">{t('landingJoinHint')}</p>
          <div class="field">
            <label for="join-code">{t('joinCode')}</label>
            <input
              id="join-code"
              name="joinCode"
              autoComplete="off"
              autoCapitalize="characters"
              inputMode="text"
              value={code}
              onInput={(e) => setCode(e.currentTarget.value)}
            />
          </div>
          <button class="btn btn-primary btn-block" type="submit">
            {t('joinButton')}
          </button>
        </form>
        <p class="center">
          <Link href="/organiser/login" class="btn btn-link">
            {t('landingOrganiser')}
          </Link>
        </p>
      </Page>
    </>
  );
}
