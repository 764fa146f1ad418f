/**
 * When a part of the screen breaks, the earner's badges must not feel lost: say so plainly and
 * offer to download them all (the service's exportAll) before anything else, then to reload.
 * The technical error goes to the console for a bug report, never onto the screen.
 */
import { Component, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { BackpackService } from '../../app/types';
import { BackpackContext, useLang } from '../context';
import { backupName } from '../profile/bytes';
import { downloadBytes } from './download';

interface Props {
  readonly children: ComponentChildren;
  /** Whether this boundary wraps the whole app (the rescue page then has its own heading level 1). */
  readonly top?: boolean;
}

export class ErrorBoundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    console.error('Besace: a part of the screen failed', error);
    this.setState({ error });
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <BackpackContext.Consumer>
        {(backpack) => <Rescue backpack={backpack} top={this.props.top ?? false} />}
      </BackpackContext.Consumer>
    );
  }
}

type State = { step: 'idle' } | { step: 'working' } | { step: 'done'; file: string } | { step: 'failed' };

export function Rescue({ backpack, top }: { backpack: BackpackService | null; top: boolean }) {
  const { t, lang } = useLang();
  const [state, setState] = useState<State>({ step: 'idle' });
  const download = async () => {
    if (!backpack) return;
    setState({ step: 'working' });
    try {
      const bytes = await backpack.exportAll();
      const file = backupName(new Date());
      downloadBytes(bytes, file, 'application/zip');
      setState({ step: 'done', file });
    } catch (error) {
      console.error('Besace: the rescue download failed', error);
      setState({ step: 'failed' });
    }
  };
  const Heading = top ? 'h1' : 'h2';
  return (
    <section class="rescue" aria-labelledby="rescue-title" lang={lang}>
      <Heading id="rescue-title">{t('shell.error.title')}</Heading>
      <p>{t('shell.error.body')}</p>
      <div class="actions">
        {backpack && (
          <button type="button" class="button button-primary" onClick={download} disabled={state.step === 'working'} aria-busy={state.step === 'working'}>
            {state.step === 'working' ? t('shell.error.downloading') : t('shell.error.download')}
          </button>
        )}
        <button type="button" class="button" onClick={() => window.location.reload()}>
          {t('shell.error.reload')}
        </button>
      </div>
      <p role="status" class="rescue-status">
        {state.step === 'done' && t('shell.error.downloaded', { file: state.file })}
        {state.step === 'failed' && t('shell.error.downloadFailed')}
      </p>
    </section>
  );
}
