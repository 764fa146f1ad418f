/** LinkedIn links (SPECS §6): "Add to profile" (Licenses & certifications) and "Share to feed". Pure. */

export interface LinkedInCertification {
  readonly name: string;
  readonly organizationName?: string | null;
  /** LinkedIn's numeric company-page id: used instead of organizationName when known. */
  readonly organizationId?: string | number | null;
  readonly issuedOn?: Date | string | null;
  readonly expires?: Date | string | null;
  readonly certUrl?: string | null;
  readonly certId?: string | null;
}

/** Year and month (1–12) of a date, in UTC; null when absent or not a date. */
function yearMonth(value: Date | string | null | undefined): { year: string; month: string } | null {
  if (value === undefined || value === null || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  return { year: String(date.getUTCFullYear()), month: String(date.getUTCMonth() + 1) };
}

export function linkedInAddToProfileUrl(cert: LinkedInCertification): string {
  const params = new URLSearchParams({ startTask: 'CERTIFICATION_NAME' });
  const put = (key: string, value: string | number | null | undefined) => {
    if (value === undefined || value === null) return;
    const text = String(value).trim();
    if (text !== '') params.set(key, text);
  };
  put('name', cert.name);
  const orgId = cert.organizationId === undefined || cert.organizationId === null ? '' : String(cert.organizationId).trim();
  if (orgId !== '') put('organizationId', orgId);
  else put('organizationName', cert.organizationName);
  const issued = yearMonth(cert.issuedOn);
  if (issued) {
    put('issueYear', issued.year);
    put('issueMonth', issued.month);
  }
  const expires = yearMonth(cert.expires);
  if (expires) {
    put('expirationYear', expires.year);
    put('expirationMonth', expires.month);
  }
  put('certUrl', cert.certUrl);
  put('certId', cert.certId);
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

/** LinkedIn honours only `url`: the title and image come from the page's Open Graph tags. */
export function linkedInShareUrl(pageUrl: string): string {
  return `https://www.linkedin.com/sharing/share-offsite/?${new URLSearchParams({ url: pageUrl }).toString()}`;
}
