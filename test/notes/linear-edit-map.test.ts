import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';

// The library's own method is taken before our module replaces it (dynamic imports keep that order).
const { EditMap } = await import('micromark-util-edit-map');
const original = EditMap.prototype.consume;
const { consumeFromFirstEdit } = await import('../../src/notes/linear-edit-map.js');

type Events = Parameters<InstanceType<typeof EditMap>['consume']>[0];
interface Edit {
  at: number;
  remove: number;
  add: string[];
  before: boolean;
}

/** Applies the edits to a copy of `list` with one implementation of `consume`. */
function applyWith(consume: typeof original, list: string[], edits: Edit[]): string[] {
  const map = new EditMap();
  // Copies: the map keeps and extends the arrays it is given.
  for (const e of edits) (e.before ? map.addBefore : map.add).call(map, e.at, e.remove, [...e.add] as unknown as Events);
  const events = [...list] as unknown as Events;
  consume.call(map, events);
  expect(map.map).toHaveLength(0);
  return events as unknown as string[];
}

const listAndEdits = fc
  .array(fc.string({ maxLength: 2 }), { maxLength: 30 })
  .chain((list) =>
    fc.tuple(
      fc.constant(list),
      fc.array(
        fc.record({
          at: fc.nat(list.length),
          remove: fc.nat(4),
          add: fc.array(fc.string({ maxLength: 2 }), { maxLength: 3 }),
          before: fc.boolean(),
        }),
        { maxLength: 6 },
      ),
    ),
  );

const nestedNote = [
  '# Storage',
  '',
  '- S3',
  '  - Standard: 11 nines of durability',
  '    - lazy continuation',
  'of a bullet',
  '  - Glacier',
  '> quoted',
  'lazily',
  '- EBS',
  '  1. gp3',
  '  2. io2',
  '',
  'Setext heading',
  '---',
  '',
  '| a | b |',
  '| - | - |',
  '| 1 | 2 |',
].join('\n');

describe('consumeFromFirstEdit', () => {
  it('is installed in place of the library method', () => {
    expect(EditMap.prototype.consume).toBe(consumeFromFirstEdit);
    expect(original).not.toBe(consumeFromFirstEdit);
  });

  it('gives the same list as the library for any edits, overlapping ones included', () => {
    fc.assert(
      fc.property(listAndEdits, ([list, edits]) => {
        expect(applyWith(consumeFromFirstEdit, list, edits)).toEqual(applyWith(original, list, edits));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the prefix before the first edit in place and applies edits at the end', () => {
    expect(applyWith(consumeFromFirstEdit, ['a', 'b', 'c', 'd'], [{ at: 4, remove: 0, add: ['x'], before: false }])).toEqual(['a', 'b', 'c', 'd', 'x']);
    expect(
      applyWith(
        consumeFromFirstEdit,
        ['a', 'b', 'c', 'd', 'e'],
        [
          { at: 3, remove: 2, add: [], before: false },
          { at: 1, remove: 0, add: ['d', 'e'], before: false },
        ],
      ),
    ).toEqual(['a', 'd', 'e', 'b', 'c']);
  });

  it('is what micromark calls while parsing nested lists, and the tree is the same as with the library method', () => {
    const parse = () => unified().use(remarkParse).parse(nestedNote);
    let calls = 0;
    EditMap.prototype.consume = function counted(this: InstanceType<typeof EditMap>, events: Events) {
      calls++;
      return consumeFromFirstEdit.call(this, events);
    };
    try {
      const ours = parse();
      expect(calls).toBeGreaterThan(0);
      EditMap.prototype.consume = original;
      expect(ours).toEqual(parse());
    } finally {
      EditMap.prototype.consume = consumeFromFirstEdit;
    }
  });
});
