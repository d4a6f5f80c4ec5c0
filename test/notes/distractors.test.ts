import { describe, expect, it } from 'vitest';
import { pickDistinct } from '../../src/notes/distractors.js';

describe('pickDistinct', () => {
  it('treats a choice and the same choice with an aside as one', () => {
    expect(pickDistinct(['Graphics (pics)', 'Compute', 'Memory'], ['Graphics'], '', 3, false)).toEqual(['Compute', 'Memory']);
    expect(pickDistinct(['Compute', 'Compute (C)', 'Storage'], [], '', 3, false)).toEqual(['Compute', 'Storage']);
  });

  it('keeps choices that differ outside their asides, up to the number wanted', () => {
    expect(pickDistinct(['gp2 (SSD)', 'io1 (SSD)', 'st1 (HDD)', 'sc1 (HDD)'], ['gp3 (SSD)'], '', 2, false)).toEqual(['gp2 (SSD)', 'io1 (SSD)']);
  });
});
