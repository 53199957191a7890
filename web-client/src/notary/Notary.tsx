import { useI18n } from '../i18n';
import { Page, TopBar } from '../ui/components';

/** /notary — contract queue for the notary (placeholder until contracts exist in the API). */
export function Notary() {
  const { t } = useI18n();
  return (
    <>
      <TopBar />
      <Page wide>
        <h1>{t('notaryTitle')}</h1>
        <p class="muted">{t('notaryPlaceholder')}</p>
      </Page>
    </>
  );
}
