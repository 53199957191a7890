import { api, unwrap } from '../api/client';
import type { Entity } from '../api/types';
import { useI18n } from '../i18n';
import { ErrorBox, Spinner } from '../ui/components';
import { lazy } from '../ui/lazy';
import { useAsync } from '../ui/useAsync';
import type { ContractParty } from './contractParts';
import type { FairData } from './useFairData';

const ContractDetail = lazy(() => import('./ContractDetail').then((m) => m.ContractDetail));
const ContractForm = lazy(() => import('./ContractForm').then((m) => m.ContractForm));

export type ContractView = 'contract-new' | 'contract' | 'contract-edit';

/** /f/:fair/contracts/new, /:id and /:id/edit on the phone. */
export function ContractRoutes({
  fairId,
  view,
  contractRef,
  data,
}: {
  fairId: number;
  view: ContractView;
  contractRef: string | undefined;
  data: FairData;
}) {
  const { t } = useI18n();
  const { me, fair, entities, live, meInfo, roles, all, categories, catLabel } = data;
  const contractId = Number(contractRef);
  const q = new URLSearchParams(location.search);
  const byId = (k: string) => {
    const id = Number(q.get(k));
    return Number.isFinite(id) && id > 0 ? all.find((p) => p.id === id && !p.pendingKey) : undefined;
  };
  const myEntity: ContractParty | null =
    meInfo.entityId !== undefined ? { entityId: meInfo.entityId, entityName: meInfo.entityName ?? '' } : null;
  const categoryOptions = categories.map((c) => ({ code: c.code ?? '', label: catLabel(c.code) }));
  const ready = (!me.loading || me.data) && (!fair.loading || fair.data);
  if (!ready || (view !== 'contract' && !entities.data)) return <Spinner />;
  if (view === 'contract') {
    return (
      <ContractDetail
        key={contractId}
        fairId={fairId}
        contractId={contractId}
        board={live}
        me={myEntity}
        categoryLabel={catLabel}
        fairOpen={data.open}
      />
    );
  }
  if (!myEntity || !roles.includes('participant')) return <p class="error-box">{t('failedForbidden')}</p>;
  if (view === 'contract-new') {
    return (
      <ContractForm
        fairId={fairId}
        me={myEntity}
        entities={entities.data ?? []}
        categories={categoryOptions}
        seed={{ mine: byId('mine'), theirs: byId('theirs') }}
      />
    );
  }
  return (
    <EditContract
      fairId={fairId}
      contractId={contractId}
      me={myEntity}
      entities={entities.data ?? []}
      categories={categoryOptions}
    />
  );
}

/** Loads a contract and opens the form on it (a change clears the signatures). */
function EditContract({
  fairId,
  contractId,
  me,
  entities,
  categories,
}: {
  fairId: number;
  contractId: number;
  me: ContractParty;
  entities: Entity[];
  categories: { code: string; label: string }[];
}) {
  const c = useAsync(
    () =>
      unwrap(
        api('person').GET('/api/fairs/{fairId}/contracts/{contractId}', {
          params: { path: { fairId, contractId } },
        }),
      ),
    [fairId, contractId],
  );
  if (!c.data) return c.error ? <ErrorBox error={c.error} /> : <Spinner />;
  return (
    <ContractForm
      fairId={fairId}
      me={me}
      entities={entities}
      categories={categories}
      seed={{}}
      editing={c.data}
    />
  );
}
