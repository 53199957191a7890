import { I18nProvider, useI18n } from './i18n';
import { BadgeLogin } from './phone/BadgeLogin';
import { FairHome } from './phone/FairHome';
import { Landing } from './phone/Landing';
import { Page, TopBar } from './ui/components';
import { lazy } from './ui/lazy';
import { useUpdate } from './ui/pwa';
import { Link, Router, type Route } from './ui/router';

const OrganiserLogin = lazy(() => import('./organiser/Login').then((m) => m.OrganiserLogin));
const OrganiserFairs = lazy(() => import('./organiser/Fairs').then((m) => m.OrganiserFairs));
const OrganiserFair = lazy(() => import('./organiser/FairDetail').then((m) => m.OrganiserFair));
const OrganiserSetup = lazy(() => import('./organiser/Setup').then((m) => m.OrganiserSetup));
const ForgotPassword = lazy(() => import('./organiser/ForgotPassword').then((m) => m.ForgotPassword));
const OrganiserTeam = lazy(() => import('./organiser/Team').then((m) => m.OrganiserTeam));
const Screen = lazy(() => import('./board/Screen').then((m) => m.Screen));
const StartScan = lazy(() => import('./scan/ScanFlows').then((m) => m.StartScan));
const Notary = lazy(() => import('./notary/Notary').then((m) => m.Notary));
const Join = lazy(() => import('./phone/Join').then((m) => m.Join));

const routes: Route[] = [
  { path: '/', view: () => <Landing /> },
  { path: '/organiser/login', view: () => <OrganiserLogin /> },
  { path: '/organiser', view: () => <OrganiserFairs /> },
  { path: '/setup', view: () => <OrganiserSetup mode="setup" /> },
  { path: '/password-reset', view: () => <OrganiserSetup mode="reset" /> },
  { path: '/organiser/forgot', view: () => <ForgotPassword /> },
  { path: '/organiser/team', view: () => <OrganiserTeam /> },
  { path: '/organiser/fairs/:id', view: (p) => <OrganiserFair id={p.id!} /> },
  { path: '/b/:badgeToken', view: (p) => <BadgeLogin badgeToken={p.badgeToken!} /> },
  { path: '/join', view: () => <Join /> },
  { path: '/join/:code', view: (p) => <Join code={p.code!} /> },
  { path: '/f/:fairId', view: (p) => <FairHome id={p.fairId!} /> },
  { path: '/f/:fairId/new', view: (p) => <FairHome id={p.fairId!} view="new" /> },
  { path: '/f/:fairId/scan', view: (p) => <FairHome id={p.fairId!} view="scan" /> },
  {
    path: '/scan',
    view: () => (
      <>
        <TopBar />
        <Page>
          <StartScan />
        </Page>
      </>
    ),
  },
  { path: '/f/:fairId/edit/:ref', view: (p) => <FairHome id={p.fairId!} view="edit" postRef={p.ref!} /> },
  { path: '/f/:fairId/p/:ref', view: (p) => <FairHome id={p.fairId!} view="post" postRef={p.ref!} /> },
  { path: '/f/:fairId/contracts/new', view: (p) => <FairHome id={p.fairId!} view="contract-new" /> },
  {
    path: '/f/:fairId/contracts/:ref',
    view: (p) => <FairHome id={p.fairId!} view="contract" postRef={p.ref!} />,
  },
  {
    path: '/f/:fairId/contracts/:ref/edit',
    view: (p) => <FairHome id={p.fairId!} view="contract-edit" postRef={p.ref!} />,
  },
  { path: '/screen/:token', view: (p) => <Screen token={p.token!} /> },
  { path: '/notary', view: () => <Notary /> },
];

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <TopBar />
      <Page>
        <h1>{t('notFoundTitle')}</h1>
        <p>{t('notFoundBody')}</p>
        <Link class="btn btn-primary" href="/">
          {t('goHome')}
        </Link>
      </Page>
    </>
  );
}

/** "Jest nowa wersja" with a button: a new service worker takes over only when asked (not on the big screen, which updates itself). */
function UpdateBar() {
  const { t } = useI18n();
  const { available, apply } = useUpdate();
  if (!available || location.pathname.startsWith('/screen/')) return null;
  return (
    <div class="update-bar" role="status" data-testid="update-bar">
      <span>{t('updateAvailable')}</span>
      <button type="button" class="btn btn-small-light" data-testid="update-apply" onClick={apply}>
        {t('updateApply')}
      </button>
    </div>
  );
}

export function App() {
  return (
    <I18nProvider>
      <UpdateBar />
      <Router routes={routes} fallback={() => <NotFound />} />
    </I18nProvider>
  );
}
