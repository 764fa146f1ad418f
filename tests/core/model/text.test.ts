/** Direction controls left open by untrusted text are closed where the text ends. */
import { describe, expect, it } from 'vitest';
import { clipForDisplay, closeDirectionControls, forDisplayDeep, MAX_SHOWN_CHARS } from '../../../src/core/model/text';

const RLO = '\u202E';
const PDF = '\u202C';
const RLI = '\u2067';
const PDI = '\u2069';

describe('closeDirectionControls', () => {
  it('leaves text without direction controls (Arabic and Hebrew included) unchanged', () => {
    for (const text of ['Robotics', 'مرحبا', 'שלום', '']) expect(closeDirectionControls(text)).toBe(text);
  });

  it('closes an override left open (the "gnp.exe" trick), innermost first', () => {
    expect(closeDirectionControls(`badge ${RLO}gnp.exe`)).toBe(`badge ${RLO}gnp.exe${PDF}`);
    expect(closeDirectionControls(`${RLI}a${RLO}b`)).toBe(`${RLI}a${RLO}b${PDF}${PDI}`);
  });

  it('adds nothing when every scope is closed, and ignores stray closers', () => {
    expect(closeDirectionControls(`${RLO}x${PDF}`)).toBe(`${RLO}x${PDF}`);
    expect(closeDirectionControls(`${PDF}${PDI}x`)).toBe(`${PDF}${PDI}x`);
    // An isolate's end closes the embeddings opened inside it.
    expect(closeDirectionControls(`${RLI}${RLO}x${PDI}`)).toBe(`${RLI}${RLO}x${PDI}`);
  });

  it('reaches every string of a badge-shaped value but its images', () => {
    const image = { src: `data:image/png;base64,${'A'.repeat(MAX_SHOWN_CHARS * 2)}` };
    const value = { name: `${RLO}x`, issuer: { name: `${RLI}y`, image }, tags: [`${RLO}z`, 'ok'], count: 3, none: null, image };
    expect(forDisplayDeep(value, new Set(['image']))).toEqual({ name: `${RLO}x${PDF}`, issuer: { name: `${RLI}y${PDI}`, image }, tags: [`${RLO}z${PDF}`, 'ok'], count: 3, none: null, image });
  });
});

describe('clipForDisplay', () => {
  it('keeps text up to the limit, and cuts longer text with an ellipsis, never inside a surrogate pair', () => {
    expect(clipForDisplay('abc', 3)).toBe('abc');
    expect(clipForDisplay('abcd', 3)).toBe('abc…');
    expect(clipForDisplay('ab😀', 3)).toBe('ab…');
    expect(clipForDisplay('AV'.repeat(500_000)).length).toBe(MAX_SHOWN_CHARS + 1);
  });
});
