import { EditMap } from 'micromark-util-edit-map';

type Events = Parameters<EditMap['consume']>[0];

/**
 * `EditMap#consume` that rebuilds only the events from the first edit on, keeping the prefix where it is.
 *
 * micromark applies an edit map to the whole document's event list each time containers close under a lazy
 * or continued line (every nested list ending), and micromark-util-edit-map 1.0.0 copies the entire list to
 * apply edits that sit at its end. That makes a long note quadratic: a 630 KB note of nested bullets took
 * 4.5 s to analyse instead of 2.1 s, and the copies were a sixth of everything a parse allocates
 * (bench/results.md). The result is the same list, edit for edit; see test/notes/linear-edit-map.test.ts.
 */
export function consumeFromFirstEdit(this: EditMap, events: Events): undefined {
  const changes = this.map;
  changes.sort((a, b) => a[0] - b[0]);
  if (changes.length === 0) return;
  const start = changes[0]![0];
  const tail = events.slice(start);
  const end = start + tail.length;
  events.length = start;
  let from = start;
  for (const [at, remove, add] of changes) {
    for (let i = from; i < at; i++) events.push(tail[i - start]!);
    for (const event of add) events.push(event);
    // As in the original, a kept run always ends at the next edit's index, even when a removal overlaps it.
    from = at + remove;
  }
  for (let i = from; i < end; i++) events.push(tail[i - start]!);
  changes.length = 0;
  this.index.clear();
}

// Installed on import, for every parser in this process: micromark creates its edit maps internally, so the
// class it imports is the only place the method can be replaced.
EditMap.prototype.consume = consumeFromFirstEdit;
