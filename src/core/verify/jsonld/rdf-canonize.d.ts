/** rdf-canonize ships no types; this is the part Besace calls. */
declare module 'rdf-canonize' {
  export interface CanonizeOptions {
    algorithm: 'RDFC-1.0';
    format?: 'application/n-quads';
    inputFormat?: 'application/n-quads';
    messageDigestAlgorithm?: string;
    maxWorkFactor?: number;
    signal?: AbortSignal;
  }
  export function canonize(input: unknown, options: CanonizeOptions): Promise<string>;
}
