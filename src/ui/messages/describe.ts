/**
 * Codes from the core, turned into sentences. The one place where extraction, baking and
 * verification codes become words, for the app and the command line alike.
 */
import type { BakeError, ExtractError, ExtractWarning } from '../../core/baking/types';
import type { Check, CheckId, Verdict } from '../../core/verify/types';
import { t, type Lang } from './index';

type Params = Readonly<Record<string, string | number>> | undefined;

/** Parameters as shown: image formats in capitals (“a JPEG file”), the rest as given. */
const plain = (params: Params): Record<string, string | number> => {
  const out: Record<string, string | number> = { ...(params ?? {}) };
  if (typeof out.format === 'string') out.format = out.format.toUpperCase();
  return out;
};

export const describeExtractError = (lang: Lang, e: ExtractError): string =>
  t(lang, `extract.error.${e.code}`, plain(e.params));

export const describeExtractWarning = (lang: Lang, w: ExtractWarning): string =>
  t(lang, `extract.warning.${w.code}`, plain(w.params));

export const describeBakeError = (lang: Lang, e: BakeError): string => t(lang, `bake.error.${e.code}`, plain(e.params));

export const describeVerdict = (lang: Lang, v: Verdict): string => t(lang, `verdict.${v}`);

export const checkTitle = (lang: Lang, id: CheckId): string => t(lang, `check.id.${id}`);

/** One check in a plain sentence, its parameters filled in as text. */
export const describeCheck = (lang: Lang, c: Check): string => {
  // A defect of the copy the earner holds, beside the issuer's hosted copy: say whose it is.
  if (c.params?.['copy'] === 'local') {
    const { copy: _copy, ...rest } = c.params;
    return t(lang, 'check.ok.localCopy', { message: describeCheck(lang, { ...c, params: rest }) });
  }
  const params = Object.fromEntries(Object.entries(c.params ?? {}).map(([k, v]) => [k, String(v)]));
  // A plain pass says what was established for that check; every other code says why.
  if (c.code === 'NOT_APPLICABLE' && c.id === 'expiry') return t(lang, 'check.ok.noExpiry');
  return c.code === 'OK' ? t(lang, `check.ok.${c.id}`, params) : t(lang, `check.code.${c.code}`, params);
};
