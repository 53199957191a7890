import { clearSession } from '../api/session';
import { useI18n } from '../i18n';
import { TopBar } from '../ui/components';
import { Link, navigate } from '../ui/router';
import { PublicUrlWarning } from './PublicUrlWarning';

export function OrganiserBar() {
  const { t } = useI18n();
  return (
    <>
      <TopBar>
        <Link class="btn btn-small" href="/organiser/team">
          {t('teamNav')}
        </Link>
        <button
          type="button"
          class="btn btn-small"
          onClick={() => {
            clearSession('organiser');
            navigate('/organiser/login');
          }}
        >
          {t('logout')}
        </button>
      </TopBar>
      <PublicUrlWarning />
    </>
  );
}
