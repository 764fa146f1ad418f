/**
 * Unbaking speed: `extract` on a large baked PNG and on every baked corpus image, next to a full
 * pixel decode of the same PNG by pngjs (what a reader that decodes the image would pay).
 * Figures are printed, never asserted.
 *
 *   npx tsx -e "import('./tests/bench/baking.ts').then(m=>m.benchBaking())"
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { bake, extract } from '../../src/core/baking';
import { makePng } from '../fixtures/ours/png-tools';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/**
 * Milliseconds per call, robust to a busy machine: after a warm-up of a quarter of the budget, calls
 * are timed in batches of at least ~2 ms until the budget is spent (5 batches at least), and the
 * median batch is kept.
 */
function timePerCall(fn: () => unknown, budgetMs: number): number {
  const warmUntil = performance.now() + budgetMs / 4;
  let warmRuns = 0;
  do {
    fn();
    warmRuns++;
  } while (performance.now() < warmUntil);
  const batch = Math.max(1, Math.ceil((2 * warmRuns) / (budgetMs / 4)));
  const perCall: number[] = [];
  const stopAt = performance.now() + budgetMs;
  while (perCall.length < 5 || performance.now() < stopAt) {
    const started = performance.now();
    for (let i = 0; i < batch; i++) fn();
    perCall.push((performance.now() - started) / batch);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)] ?? NaN;
}

const formatMs = (ms: number): string => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(1)} ms`);
const formatSize = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} KB`);

export async function benchBaking(): Promise<void> {
  const payload = readFileSync(`${FIXTURES}ours/ours-ob2-assertion.json`, 'utf8').trim();
  const started = performance.now();
  const large = makePng(2000, 2000, { noise: 1 });
  const madeMs = performance.now() - started;
  const baked = bake(large, payload, '2.0');
  if (!baked.ok) throw new Error(`bake failed: ${JSON.stringify(baked.error)}`);
  const bakeMs = timePerCall(() => bake(large, payload, '2.0'), 500);

  const manifest = readFileSync(`${FIXTURES}corpus/MANIFEST.tsv`, 'utf8').trim().split('\n').slice(1);
  const inputs: { name: string; bytes: Uint8Array }[] = [
    { name: 'ours: 2000×2000 noisy PNG, badge after IHDR', bytes: baked.value.bytes },
    ...manifest
      .map((line) => line.split('\t'))
      .filter((cells) => cells[4] === 'png-baked' || cells[4] === 'svg-baked')
      .map((cells) => ({ name: cells[0] ?? '', bytes: new Uint8Array(readFileSync(`${FIXTURES}corpus/${cells[0]}`)) })),
  ];

  // All extractions first, then the pixel decodes: pngjs's large allocations would otherwise leave
  // garbage collection to land in the microsecond-scale extract timings.
  const extractMs = inputs.map(({ name, bytes }) => {
    const check = extract(bytes);
    if (!check.ok) throw new Error(`${name}: ${JSON.stringify(check.error)}`);
    return timePerCall(() => extract(bytes), 400);
  });
  const decodeMs = inputs.map(({ bytes }) => (bytes[0] === 0x89 ? timePerCall(() => PNG.sync.read(Buffer.from(bytes)), 1000) : undefined));

  const rows: string[][] = [['file', 'size', 'extract / call', 'extract MB/s', 'pngjs decode / call', 'extract is faster by']];
  inputs.forEach(({ name, bytes }, i) => {
    const ms = extractMs[i] ?? NaN;
    const decode = decodeMs[i];
    rows.push([
      name,
      formatSize(bytes.length),
      formatMs(ms),
      (bytes.length / 1e6 / (ms / 1000)).toFixed(0),
      decode === undefined ? '—' : formatMs(decode),
      decode === undefined ? '—' : `${Math.round(decode / ms).toLocaleString('en')}×`,
    ]);
  });

  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  const line = (row: string[]) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ');
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `\nLarge PNG: ${formatSize(large.length)} made by pngjs in ${formatMs(madeMs)}; bake (byte splice, new iTXt after IHDR) ${formatMs(bakeMs)} per call.`,
  );
}
