import { jsonOf } from './recordings.js';
import { compareShapes, type Divergence, type ItemPairing } from './shape.js';
import { parseSse, type WireResponse } from './wire.js';

/** Compares a recorded event stream with the fake's: the events by name, in order, and their payloads' shapes. */
export function compareStreams(recorded: string, answer: WireResponse, pairing: ItemPairing): Divergence[] {
  const real = parseSse(recorded);
  const fake = parseSse(answer.body);
  const out: Divergence[] = [];
  const realNames = real.map((e) => e.event).join(',');
  const fakeNames = fake.map((e) => e.event).join(',');
  if (realNames !== fakeNames) out.push({ kind: 'items', path: 'events', real: realNames || 'none', fake: fakeNames || 'none' });
  const remaining = [...fake];
  for (const event of real) {
    const at = remaining.findIndex((e) => e.event === event.event);
    if (at < 0) continue;
    const [match] = remaining.splice(at, 1);
    const realData = jsonOf(event.data);
    const fakeData = jsonOf(match!.data);
    if (event.event === 'delete') continue;
    for (const divergence of compareShapes(realData, fakeData, pairing, event.event)) {
      if (!out.some((d) => d.kind === divergence.kind && d.path === divergence.path)) out.push(divergence);
    }
  }
  return out;
}
