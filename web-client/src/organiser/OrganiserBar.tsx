import { clearSession } from '../api/session';
import { useI18n } from '../i18n';
import { TopBar } from '../ui/components';
import { navigate } from '../ui/router';

export function OrganiserBar() {
  const { t } = useI18n();
  return (
    <TopBar>
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
  );
}
