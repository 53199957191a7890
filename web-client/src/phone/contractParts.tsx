import { contractProblemKey } from '../contracts/common';
import { useI18n } from '../i18n';
import { ErrorBox } from '../ui/components';

/** My side of a contract on the phone: the entity I sign for. */
export interface ContractParty {
  entityId: number;
  entityName: string;
}

/** Shows a contract action's error in our words where we know the problem type. */
export function ContractError({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const key = contractProblemKey(error);
  return key ? (
    <p class="error-box" role="alert" data-testid="error">
      {t(key)}
    </p>
  ) : (
    <ErrorBox error={error} />
  );
}
