import type { ComponentChildren } from 'preact';
import { ConnBar } from '../ui/ConnBar';
import { Page, TopBar } from '../ui/components';
import type { FairData } from './useFairData';

/** Every fair screen on the phone: the top bar, the connection bar, the page. */
export function FairShell({ data, children }: { data: FairData; children: ComponentChildren }) {
  return (
    <>
      <TopBar />
      <ConnBar status={data.status} queued={data.outbox?.pending().length ?? 0} asOf={data.asOf} />
      <Page>{children}</Page>
    </>
  );
}
