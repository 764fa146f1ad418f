/**
 * The one normalised Badge every view, share link and report uses, whatever the version or proof.
 * Built by the verify layer from untrusted input: every string here is still untrusted text
 * (render as text, never as HTML; links only after URL checks in the UI).
 */
export type ObVersion = '0.5' | '1.0' | '1.1' | '2.0' | '3.0';
export type ProofFormat = 'hosted' | 'jws' | 'vc-jwt' | 'data-integrity' | 'none';

export interface BadgeImage {
  /** https/http URL or data: URI as written by the issuer (the UI decides what it may load). */
  readonly src: string;
  readonly caption?: string;
}

export interface BadgeIssuer {
  readonly id: string | null;
  readonly name: string | null;
  readonly url: string | null;
  readonly email: string | null;
  readonly image: BadgeImage | null;
}

export interface BadgeRecipient {
  /** 'email' | 'url' | 'telephone' | 'id' (OB 2.0) or an OB 3.0 identityType such as 'emailAddress'. */
  readonly type: string;
  readonly hashed: boolean;
  /** The hash (`sha256$…`) or the plaintext identity. */
  readonly identity: string;
  readonly salt: string | null;
}

export interface BadgeAlignment {
  readonly targetName: string;
  readonly targetUrl: string | null;
  readonly targetDescription: string | null;
  readonly targetFramework: string | null;
  readonly targetCode: string | null;
}

export interface BadgeEvidence {
  readonly id: string | null;
  readonly name: string | null;
  readonly description: string | null;
  readonly narrative: string | null;
}

export interface Badge {
  readonly obVersion: ObVersion;
  readonly proof: ProofFormat;
  /** Assertion / credential id (URL, urn:uuid…), null when absent. */
  readonly id: string | null;
  /** The achievement / BadgeClass id. */
  readonly achievementId: string | null;
  readonly name: string;
  readonly description: string | null;
  /** Markdown, untrusted. */
  readonly criteria: { readonly url: string | null; readonly narrative: string | null } | null;
  readonly image: BadgeImage | null;
  readonly issuer: BadgeIssuer;
  /** ISO 8601 strings as normalised (issuedOn / validFrom / issuanceDate). */
  readonly issuedOn: string | null;
  readonly expires: string | null;
  /** OB 3.0 awardedDate when present. */
  readonly awardedOn: string | null;
  readonly recipients: readonly BadgeRecipient[];
  /** OB 3.0 credentialSubject.id (a DID or URL), when present. */
  readonly subjectId: string | null;
  /** Markdown, untrusted. */
  readonly narrative: string | null;
  readonly evidence: readonly BadgeEvidence[];
  readonly alignments: readonly BadgeAlignment[];
  readonly tags: readonly string[];
  readonly achievementType: string | null;
  readonly endorsementCount: number;
}
