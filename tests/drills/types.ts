/**
 * The drills (issue "Drills: hostile badges, lost tabs and full disks"): each drill attacks the app
 * and reports one row of figures. `npm run drills` runs every drill at full size and prints the
 * table; the browser test project runs the same drills smaller and fails on any non-zero column.
 */

/** One row of the drills table. Every column but `inputs` must be zero. */
export interface DrillRow {
  /** What was attacked, in a few words ("hostile names, baked PNG", "kill mid-import of 200"). */
  readonly drill: string;
  /** How many inputs (badges, files, links, runs) the drill tried. */
  readonly inputs: number;
  /** Scripts of a badge's that ran (a sentinel set, a dialog opened). */
  readonly scriptsExecuted: number;
  /** Requests to an origin the user did not ask to check (anything but the app and the badge's own issuer documents). */
  readonly unaskedRequests: number;
  /** Content-Security-Policy violations reported by the page. */
  readonly cspViolations: number;
  /** Records lost or half-written (data-safety drills; 0 for the others). */
  readonly recordsLost: number;
  /** Crashes (uncaught errors, a page that died) and hangs (a step over its time bound, a page that stopped answering). */
  readonly crashesAndHangs: number;
  /** Anything the reader should know (which case failed, figures such as the time taken). Never hides a non-zero column. */
  readonly notes?: string;
}

/** How big a run is: `small` inside `npm test`, `full` for `npm run drills`. */
export type DrillSize = 'small' | 'full';

export const ZERO_COLUMNS = ['scriptsExecuted', 'unaskedRequests', 'cspViolations', 'recordsLost', 'crashesAndHangs'] as const;

/**
 * Where the drills find the production build and the browser: inside vitest's browser project,
 * `browserSetup()` (tests/support/browser.ts); for `npm run drills`, tests/drills/run.ts builds into
 * a temporary folder and finds Debian's chromium (tests/support/ensureChromium.ts). A drill starts its
 * own static server on 127.0.0.1 (tests/support/staticServer.ts, with SECURITY_HEADERS from
 * vite.config.ts) and its own browser (tests/support/browser.ts launchBrowser/openPage), and closes
 * them before it returns.
 */
export interface DrillEnv {
  readonly dist: string;
  readonly chromiumPath: string;
}

/** A drill: attacks the app, returns its rows. Never throws for a finding: a finding is a non-zero column. */
export type Drill = (size: DrillSize, env: DrillEnv) => Promise<readonly DrillRow[]>;
