import { useLang } from '../context';
import { STATUS_MARK, type StatusKind } from './status';

/** A status in words, with its mark beside it (never colour or a symbol alone). */
export function StatusMark({ status, class: className }: { status: StatusKind; class?: string }) {
  const { t } = useLang();
  return (
    <span class={`status status-${status}${className ? ` ${className}` : ''}`}>
      <span class="status-mark" aria-hidden="true">
        {STATUS_MARK[status]}
      </span>
      <span class="status-text">{t(`library.status.${status}`)}</span>
    </span>
  );
}
